package dev.daehwa.interfaces.web.rooms;

import dev.daehwa.application.accounts.UserDirectory;
import dev.daehwa.application.rooms.RoomService;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.interfaces.web.support.FormMessages;
import dev.daehwa.interfaces.web.support.Pages;
import dev.daehwa.interfaces.web.support.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** The "new room" dialog: a name, a description, and the first members; then the new room opens. */
@Named
@RequestScoped
public class NewRoomBacking {

    static final String FORM = "new-room";
    private static final int SUGGESTIONS = 8;

    @Inject
    private RoomService rooms;

    @Inject
    private UserDirectory directory;

    @Inject
    private Viewer viewer;

    private String name;
    private String description;
    private List<UserOption> members = new ArrayList<>();

    /** Anyone but the viewer, who is the room's owner and first member anyway. */
    public List<UserOption> complete(String query) {
        return directory.search(query, SUGGESTIONS + 1).stream()
                .filter(u -> u.id() != viewer.getId())
                .limit(SUGGESTIONS)
                .map(UserOption::of).toList();
    }

    public void create() {
        long id;
        try {
            id = rooms.create(viewer.getId(), name, description, members.stream().map(UserOption::username).toList());
        } catch (DomainException e) {
            FormMessages.onRefusal(FORM, e);
            return;
        }
        Pages.redirect("/rooms/" + id);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<UserOption> getMembers() {
        return members;
    }

    public void setMembers(List<UserOption> members) {
        this.members = members == null ? new ArrayList<>() : members;
    }
}
