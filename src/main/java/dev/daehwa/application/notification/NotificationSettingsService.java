package dev.daehwa.application.notification;

import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.notification.EmailCadence;
import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reading and changing a user's email notification settings. A change is checked whole before
 * anything is stored: an unknown cadence or a room the user is not in leaves everything as it was.
 */
@ApplicationScoped
@Transactional
public class NotificationSettingsService {

    private static final Logger LOG = Logger.getLogger(NotificationSettingsService.class.getName());

    @Inject
    private UserRepository users;

    @Inject
    private RoomRepository rooms;

    /** The cadence of users who never chose one: immediate, 2m, 15m, 1h or never. */
    @Inject
    @ConfigProperty(name = "DAEHWA_NOTIFY_DEFAULT", defaultValue = "2m")
    private String defaultSetting;

    private EmailCadence serverDefault;

    @PostConstruct
    void readDefault() {
        serverDefault = EmailCadence.find(defaultSetting.strip()).orElseGet(() -> {
            LOG.warning(() -> "DAEHWA_NOTIFY_DEFAULT=" + defaultSetting + " is not one of immediate, 2m, 15m, 1h,"
                    + " never; using " + EmailCadence.DEFAULT.value());
            return EmailCadence.DEFAULT;
        });
    }

    public EmailCadence serverDefault() {
        return serverDefault;
    }

    public NotificationSettings of(long userId) {
        User user = users.get(userId);
        return new NotificationSettings(user.chosenEmailCadence().orElse(serverDefault),
                mutedRooms(rooms.membershipsOf(userId)), user.emailsMentions());
    }

    /** Stores every setting, or none; {@code mentions} null leaves mention email as it was. */
    public NotificationSettings change(long userId, String email, Collection<Long> mutedRooms, Boolean mentions) {
        EmailCadence cadence = EmailCadence.of(email);
        if (mutedRooms == null) {
            throw InvalidInputException.of(FieldRefusal.MUTED_ROOMS_REQUIRED,
                    "mutedRooms is required (an empty list mutes nothing).");
        }
        Map<Long, Membership> memberships = rooms.membershipsOf(userId).stream()
                .collect(Collectors.toMap(m -> m.room().id(), Function.identity()));
        Set<Long> muted = new HashSet<>(mutedRooms);
        if (muted.contains(null) || !memberships.keySet().containsAll(muted)) {
            throw InvalidInputException.of(FieldRefusal.MUTED_ROOMS_UNKNOWN,
                    "Only rooms you are a member of can be muted.");
        }
        User user = users.get(userId);
        user.chooseEmailCadence(cadence);
        if (mentions != null) {
            user.chooseMentionEmail(mentions);
        }
        memberships.forEach((roomId, membership) -> membership.muteEmail(muted.contains(roomId)));
        return new NotificationSettings(cadence, mutedRooms(memberships.values()), user.emailsMentions());
    }

    private static List<Long> mutedRooms(Collection<Membership> memberships) {
        return memberships.stream().filter(Membership::isEmailMuted).map(m -> m.room().id()).sorted().toList();
    }
}
