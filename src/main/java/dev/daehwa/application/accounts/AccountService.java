package dev.daehwa.application.accounts;

import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.user.AccountRules;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Creating accounts and looking people up. */
@ApplicationScoped
@Transactional
public class AccountService {

    @Inject
    private UserRepository users;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Clock clock;

    @Inject
    private EmailConfirmations confirmations;

    public User register(String username, String password, String email, String displayName) {
        AccountRules.ValidAccount account = AccountRules.check(username, password, email, displayName);
        if (users.usernameTaken(account.username())) {
            throw new ConflictException("The username '" + account.username() + "' is taken.",
                    FieldRefusal.USERNAME_TAKEN);
        }
        if (users.emailTaken(account.email())) {
            throw new ConflictException("An account with this email already exists.", FieldRefusal.EMAIL_TAKEN);
        }
        User user = User.register(account, passwords.hash(password), Instant.now(clock));
        // A concurrent registration of the same name can still win the race; the unique
        // constraints catch it and the repository reports it as a conflict.
        users.store(user);
        confirmations.owe(user);
        return user;
    }

    /**
     * A new address for the account: unconfirmed, and so not emailed about messages, until its
     * link is followed; the old address is released. The same address again changes nothing.
     */
    public User changeEmail(long userId, String email) {
        String address = AccountRules.checkEmail(email);
        User user = users.get(userId);
        if (User.keyOf(address).equals(User.keyOf(user.email()))) {
            return user;
        }
        if (users.emailTaken(address)) {
            throw new ConflictException("An account with this email already exists.", FieldRefusal.EMAIL_TAKEN);
        }
        confirmations.checkCooldown(userId);
        user.changeEmail(address);
        confirmations.owe(user);
        return user;
    }

    public Optional<User> find(long userId) {
        return users.find(userId);
    }

    /** The users with these ids, in one query; ids with no user are left out. */
    public List<User> findAll(Collection<Long> userIds) {
        return users.findAll(userIds);
    }

    public User get(long userId) {
        return users.get(userId);
    }
}
