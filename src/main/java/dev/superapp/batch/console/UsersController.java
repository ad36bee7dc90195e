package dev.superapp.batch.console;

import dev.superapp.batch.system.UserInputException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Users page (admins only, by {@link ConsoleSecurityConfiguration}): who may sign in, adding a user or
 * resetting a password, and removing a user. An admin cannot remove themself nor drop their own admin role,
 * so the console is never left without an admin by accident. Names are compared in lower case, as
 * {@link ConsoleUsers} stores them.
 */
@Controller
class UsersController {

    private final ConsoleUsers users;

    UsersController(ConsoleUsers users) {
        this.users = users;
    }

    @GetMapping("/users")
    ModelAndView list() {
        return page(UserForm.empty(), List.of(), HttpStatus.OK);
    }

    @PostMapping("/users")
    ModelAndView save(@ModelAttribute UserForm form, Authentication admin, RedirectAttributes redirect) {
        List<String> problems = form.problems(admin.getName());
        if (!problems.isEmpty()) {
            return page(form.withoutPasswords(), problems, HttpStatus.BAD_REQUEST);
        }
        try {
            boolean added = users.save(form.username(), form.password(), form.consoleRole().orElseThrow());
            redirect.addFlashAttribute("notice", (added ? "added " : "saved a new password and role for ")
                    + ConsoleUsers.canonicalName(form.username()));
            return new ModelAndView("redirect:/users");
        } catch (UserInputException refused) {
            return page(form.withoutPasswords(), List.of(refused.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/users/{username}/remove")
    String remove(@PathVariable("username") String name, Authentication admin, RedirectAttributes redirect) {
        String username = ConsoleUsers.canonicalName(name);
        if (username.equals(ConsoleUsers.canonicalName(admin.getName()))) {
            redirect.addFlashAttribute("problem", "you cannot remove yourself; another admin can");
        } else if (users.remove(username)) {
            redirect.addFlashAttribute("notice", "removed " + username);
        } else {
            redirect.addFlashAttribute("problem", "there is no user " + username);
        }
        return "redirect:/users";
    }

    private ModelAndView page(UserForm form, List<String> problems, HttpStatus status) {
        ModelAndView page = new ModelAndView("users", status);
        page.addObject("users", users.list());
        page.addObject("roles", ConsoleRole.values());
        page.addObject("form", form);
        page.addObject("problems", problems);
        return page;
    }
}
