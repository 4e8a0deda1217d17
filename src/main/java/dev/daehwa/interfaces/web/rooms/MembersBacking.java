package dev.daehwa.interfaces.web.rooms;

import dev.daehwa.application.accounts.UserDirectory;
import dev.daehwa.application.rooms.RoomQueries;
import dev.daehwa.application.rooms.RoomService;
import dev.daehwa.application.rooms.RoomView;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.interfaces.web.support.FormMessages;
import dev.daehwa.interfaces.web.support.Pages;
import dev.daehwa.interfaces.web.support.Viewer;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * The members panel of a room page. View scoped because the room it shows must outlive the
 * ajax calls that add and remove people; it keeps only the room id and plain rows, never entities.
 */
@Named
@ViewScoped
public class MembersBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "members";
    private static final int SUGGESTIONS = 8;

    @Inject
    private transient RoomQueries queries;

    @Inject
    private transient RoomService rooms;

    @Inject
    private transient UserDirectory directory;

    @Inject
    private transient Viewer viewer;

    private long roomId;
    private List<MemberView> members = List.of();
    private boolean mayLeave;
    private boolean direct;
    private UserOption newMember;

    /** Called once by the room page with the room it opened. */
    void show(RoomView view) {
        this.roomId = view.room().id();
        list(view);
    }

    private void refresh() {
        list(queries.room(viewer.getId(), roomId));
    }

    private void list(RoomView view) {
        long me = viewer.getId();
        members = view.members().stream()
                .map(u -> new MemberView(u.username(), u.displayName(), view.room().isOwnedBy(u.id()), u.id() == me,
                        u.id() != me && view.room().mayRemove(me, u.id())))
                .sorted(Comparator.comparing(MemberView::owner).reversed()
                        .thenComparing(MemberView::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        mayLeave = view.room().mayLeave(me);
        direct = view.room().isDirect();
    }

    /** People who are not in the room yet, for the "add member" autocomplete. */
    public List<UserOption> complete(String query) {
        return directory.searchNonMembers(viewer.getId(), roomId, query, SUGGESTIONS).stream()
                .map(UserOption::of).toList();
    }

    public void add() {
        if (newMember == null) {
            FormMessages.onField(FORM, "newMember", Pages.text("room.addMember.pick"));
            return;
        }
        try {
            rooms.addMember(viewer.getId(), roomId, newMember.username());
        } catch (DomainException e) {
            FormMessages.onField(FORM, "newMember", Pages.explain(e));
            return;
        }
        newMember = null;
        refresh();
    }

    public void remove(String username) {
        try {
            rooms.removeMember(viewer.getId(), roomId, username);
        } catch (DomainException e) {
            FormMessages.onForm(Pages.explain(e));
            return;
        }
        refresh();
    }

    public void leave() {
        String me = members.stream().filter(MemberView::me).map(MemberView::username).findFirst().orElse("");
        try {
            rooms.removeMember(viewer.getId(), roomId, me);
        } catch (DomainException e) {
            FormMessages.onForm(Pages.explain(e));
            return;
        }
        Pages.redirect("/");
    }

    /** Whether to offer "leave room": the room's own rule, the one removing the member enforces. */
    public boolean isMayLeave() {
        return mayLeave;
    }

    /** A direct room: its two people are listed, and nobody is added, removed or leaves. */
    public boolean isDirect() {
        return direct;
    }

    public long getRoomId() {
        return roomId;
    }

    public List<MemberView> getMembers() {
        return members;
    }

    public UserOption getNewMember() {
        return newMember;
    }

    public void setNewMember(UserOption newMember) {
        this.newMember = newMember;
    }
}
