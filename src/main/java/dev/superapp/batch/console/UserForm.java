package dev.superapp.batch.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Users page's form: a new user, or a new password and role for an existing one. */
record UserForm(String username, String role, String password, String passwordAgain) {

    static UserForm empty() {
        return new UserForm("", ConsoleRole.MARKETING.name(), "", "");
    }

    /** What is wrong with the form before it reaches {@link ConsoleUsers}, which checks the name itself. */
    List<String> problems(String signedInAs) {
        List<String> problems = new ArrayList<>();
        if (username == null || username.isBlank()) {
            problems.add("enter a user name");
        }
        Optional<ConsoleRole> chosen = consoleRole();
        if (chosen.isEmpty()) {
            problems.add("choose a role");
        } else if (chosen.get() != ConsoleRole.ADMIN && username != null
                && ConsoleUsers.canonicalName(signedInAs).equals(ConsoleUsers.canonicalName(username))) {
            problems.add("you cannot take the admin role from yourself; another admin can");
        }
        if (password == null || password.length() < PasswordRule.MIN_LENGTH) {
            problems.add("the password must have at least " + PasswordRule.MIN_LENGTH + " characters");
        } else if (!password.equals(passwordAgain)) {
            problems.add("the two passwords differ");
        }
        return problems;
    }

    Optional<ConsoleRole> consoleRole() {
        return role == null ? Optional.empty() : ConsoleRole.fromName(role);
    }

    /** Without the passwords, which must never reach a log line or an error message. */
    @Override
    public String toString() {
        return "UserForm[username=" + username + ", role=" + role + ", password=****, passwordAgain=****]";
    }

    /** The form as shown again after a problem: never with the passwords typed. */
    UserForm withoutPasswords() {
        return new UserForm(username, role, "", "");
    }
}
