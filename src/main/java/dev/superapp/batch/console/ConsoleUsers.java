package dev.superapp.batch.console;

import dev.superapp.batch.system.UserInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * The {@code console_user} table: who may sign in to the console, with a hashed password and one role.
 * Users are added with {@code superapp-batch user add}; there is no built-in account.
 *
 * <p>User names are kept in lower case: MariaDB's default collation compares {@code Ada} and {@code ada} as
 * the same name and H2 does not, so every name is lowered here before it reaches either.
 */
@Repository
public class ConsoleUsers implements UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    ConsoleUsers(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Adds a user, or gives an existing one a new password and role (the Users page).
     *
     * @return true when the user is new
     * @throws UserInputException for a name outside {@code [A-Za-z0-9._@-]{1,64}} or a password that breaks
     *         {@link PasswordRule}
     */
    public boolean save(String name, CharSequence password, ConsoleRole role) {
        String username = checkedName(name);
        PasswordRule.check(password);
        String hash = passwords.encode(password);
        if (jdbc.sql("UPDATE console_user SET password_hash = ?, role = ?, updated_at = ? WHERE username = ?")
                .params(hash, role.name(), now(), username).update() == 1) {
            return false;
        }
        insert(username, hash, role);
        return true;
    }

    /**
     * Adds a user that does not exist yet ({@code user add}); an existing one is left as it is.
     *
     * @return false when the user already exists
     */
    public boolean add(String name, CharSequence password, ConsoleRole role) {
        String username = checkedName(name);
        PasswordRule.check(password);
        try {
            insert(username, passwords.encode(password), role);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    /**
     * Changes an existing user's password, role or both ({@code user update}).
     *
     * @param newPassword null keeps the password
     * @param newRole     null keeps the role
     * @return false when there is no such user
     */
    public boolean update(String name, CharSequence newPassword, ConsoleRole newRole) {
        if (newPassword != null) {
            PasswordRule.check(newPassword);
        }
        String hash = newPassword == null ? null : passwords.encode(newPassword);
        String role = newRole == null ? null : newRole.name();
        // One statement: a null keeps the column as it is.
        return jdbc.sql("UPDATE console_user SET password_hash = COALESCE(?, password_hash), role = COALESCE(?, role), "
                        + "updated_at = ? WHERE username = ?")
                .params(hash, role, now(), canonicalName(name)).update() == 1;
    }

    private void insert(String username, String hash, ConsoleRole role) {
        LocalDateTime now = now();
        jdbc.sql("INSERT INTO console_user (username, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(username, hash, role.name(), now, now).update();
    }

    /** Checked before lowering: some letters outside ASCII lower to ASCII ones (the Kelvin sign to k). */
    private static String checkedName(String name) {
        if (!USERNAME.matcher(name).matches()) {
            throw new UserInputException("'" + name + "' is not a user name: 1 to 64 of A-Z a-z 0-9 . _ @ -");
        }
        return canonicalName(name);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    /** @return true when the user existed */
    public boolean remove(String username) {
        return jdbc.sql("DELETE FROM console_user WHERE username = ?").param(canonicalName(username)).update() == 1;
    }

    public List<ConsoleUser> list() {
        return jdbc.sql("SELECT username, role, created_at FROM console_user ORDER BY username")
                .query((rs, row) -> new ConsoleUser(rs.getString("username"), ConsoleRole.valueOf(rs.getString("role")),
                        rs.getObject("created_at", LocalDateTime.class)))
                .list();
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        String username = canonicalName(name);
        return jdbc.sql("SELECT password_hash, role FROM console_user WHERE username = ?")
                .param(username)
                .query((rs, row) -> new SignedInUser(username, rs.getString("password_hash"),
                        ConsoleRole.valueOf(rs.getString("role")), versionOf(rs.getString("password_hash"), rs.getString("role"))))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no console user " + username));
    }

    /**
     * A value that changes with every change of the user's password or role; empty once removed. It is a digest
     * of the role and the password hash, which bcrypt salts afresh on every save, rather than {@code updated_at}: mysql-connector-j
     * writes that to the second on MariaDB, so two saves in one second would look like none. The digest keeps
     * the hash itself out of the sessions that hold it.
     */
    Optional<String> version(String username) {
        return jdbc.sql("SELECT password_hash, role FROM console_user WHERE username = ?")
                .param(canonicalName(username))
                .query((rs, row) -> versionOf(rs.getString("password_hash"), rs.getString("role")))
                .optional();
    }

    private static String versionOf(String passwordHash, String role) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((role + ' ' + passwordHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The name as stored: in lower case, so that it compares the same on MariaDB and H2. */
    public static String canonicalName(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
