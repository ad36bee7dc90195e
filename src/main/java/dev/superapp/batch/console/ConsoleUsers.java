package dev.superapp.batch.console;

import dev.superapp.batch.system.UserInputException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * The {@code console_user} table: who may sign in to the console, with a hashed password and one role.
 * Users are added with {@code superapp-batch user add}; there is no built-in account.
 */
@Repository
public class ConsoleUsers implements UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    ConsoleUsers(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Adds a user, or gives an existing one a new password and role.
     *
     * @return true when the user is new
     * @throws UserInputException for a name outside {@code [A-Za-z0-9._@-]{1,64}} or a password under 12 characters
     */
    public boolean save(String username, CharSequence password, ConsoleRole role) {
        if (!USERNAME.matcher(username).matches()) {
            throw new UserInputException("'" + username + "' is not a user name: 1 to 64 of A-Z a-z 0-9 . _ @ -");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new UserInputException("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        String hash = passwords.encode(password);
        int updated = jdbc.sql("UPDATE console_user SET password_hash = ?, role = ?, updated_at = ? WHERE username = ?")
                .params(hash, role.name(), now, username).update();
        if (updated == 1) {
            return false;
        }
        jdbc.sql("INSERT INTO console_user (username, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(username, hash, role.name(), now, now).update();
        return true;
    }

    /** @return true when the user existed */
    public boolean remove(String username) {
        return jdbc.sql("DELETE FROM console_user WHERE username = ?").param(username).update() == 1;
    }

    public List<ConsoleUser> list() {
        return jdbc.sql("SELECT username, role, created_at FROM console_user ORDER BY username")
                .query((rs, row) -> new ConsoleUser(rs.getString("username"), ConsoleRole.valueOf(rs.getString("role")),
                        rs.getObject("created_at", LocalDateTime.class)))
                .list();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role FROM console_user WHERE username = ?")
                .param(username)
                .query((rs, row) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(ConsoleRole.valueOf(rs.getString("role")).authority())
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no console user " + username));
    }
}
