package dev.daehwa.interfaces.web.rooms;

import java.io.Serializable;

/** One row of the members panel, with what the viewer may do to it. */
public record MemberView(String username, String displayName, boolean owner, boolean me, boolean removable)
        implements Serializable {
}
