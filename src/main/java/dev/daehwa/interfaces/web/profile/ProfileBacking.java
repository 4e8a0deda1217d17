package dev.daehwa.interfaces.web.profile;

import dev.daehwa.application.accounts.AccountService;
import dev.daehwa.application.accounts.EmailConfirmations;
import dev.daehwa.application.notification.NotificationSettings;
import dev.daehwa.application.notification.NotificationSettingsService;
import dev.daehwa.application.rooms.RoomQueries;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.notification.EmailCadence;
import dev.daehwa.interfaces.web.support.FormMessages;
import dev.daehwa.interfaces.web.support.Pages;
import dev.daehwa.interfaces.web.support.Viewer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The profile page, /profile.xhtml: the email address and whether it is confirmed (with a
 * button to send the link again), when to get email about unread messages, and which rooms
 * never send any. The same settings as {@code /api/auth/me/notifications}, through the same service.
 */
@Named
@RequestScoped
public class ProfileBacking {

    static final String FORM = "profile";

    @Inject
    private NotificationSettingsService settings;

    @Inject
    private RoomQueries rooms;

    @Inject
    private Viewer viewer;

    @Inject
    private AccountService accounts;

    @Inject
    private EmailConfirmations confirmations;

    private String address;
    private boolean addressConfirmed;

    private String email;
    private Long[] mutedRooms;
    private boolean mentions;
    private Map<Long, String> myRooms;

    @PostConstruct
    void load() {
        NotificationSettings current = settings.of(viewer.getId());
        email = current.email().value();
        mutedRooms = current.mutedRooms().toArray(Long[]::new);
        mentions = current.mentions();
        myRooms = rooms.roomNamesOf(viewer.getId());
        var user = accounts.get(viewer.getId());
        address = user.email();
        addressConfirmed = user.isEmailConfirmed();
    }

    /** Another confirmation link for the address (the previous one stops working). */
    public void resendConfirmation() {
        try {
            confirmations.resend(viewer.getId());
            FormMessages.onFormInfo(Pages.text("profile.address.resent"));
        } catch (DomainException e) {
            FormMessages.onRefusal(FORM, e);
        }
    }

    public String getAddress() {
        return address;
    }

    public boolean isAddressConfirmed() {
        return addressConfirmed;
    }

    public void save() {
        try {
            NotificationSettings saved = settings.change(viewer.getId(), email, Arrays.asList(mutedRooms), mentions);
            email = saved.email().value();
            mutedRooms = saved.mutedRooms().toArray(Long[]::new);
            mentions = saved.mentions();
            FormMessages.onFormInfo(Pages.text("profile.saved"));
        } catch (DomainException e) {
            FormMessages.onRefusal(FORM, e);
        }
    }

    public boolean isMentions() {
        return mentions;
    }

    public void setMentions(boolean mentions) {
        this.mentions = mentions;
    }

    /** The cadences, in the order the page lists them. */
    public List<String> getCadences() {
        return Arrays.stream(EmailCadence.values()).map(EmailCadence::value).toList();
    }

    public Map<Long, String> getMyRooms() {
        return myRooms;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Long[] getMutedRooms() {
        return mutedRooms;
    }

    public void setMutedRooms(Long[] mutedRooms) {
        this.mutedRooms = mutedRooms == null ? new Long[0] : mutedRooms;
    }
}
