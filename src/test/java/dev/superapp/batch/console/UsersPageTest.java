package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The Users page: admins add users, reset passwords and remove users; nobody else gets in (issue 6, Users). */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1"})
@AutoConfigureMockMvc
class UsersPageTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired MockMvc mvc;
    @Autowired ConsoleUsers users;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
    }

    @BeforeEach
    void onlyAnAdmin() {
        users.list().forEach(user -> users.remove(user.username()));
        users.save("ada", PASSWORD, ConsoleRole.ADMIN);
    }

    @Test
    void listsUsersWithTheirRoles() throws Exception {
        users.save("fiona", PASSWORD, ConsoleRole.FINANCE);

        String page = mvc.perform(get("/users").with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"user-fiona\"", "FINANCE", "id=\"user-ada\"", "id=\"remove-fiona\"")
                .doesNotContain("id=\"remove-ada\"").doesNotContain("bcrypt");
    }

    @Test
    void anAdminAddsAUserWhoCanThenSignIn() throws Exception {
        mvc.perform(save("bob", "FINANCE", "a long enough secret", "a long enough secret"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/users"))
                .andExpect(flash().attribute("notice", "added bob"));

        mvc.perform(formLogin().user("bob").password("a long enough secret")).andExpect(authenticated().withRoles("FINANCE"));
    }

    @Test
    void anAdminResetsAPasswordAndTheOldOneStopsWorking() throws Exception {
        users.save("fiona", PASSWORD, ConsoleRole.FINANCE);

        mvc.perform(save("fiona", "MARKETING", "another long secret", "another long secret"))
                .andExpect(flash().attribute("notice", "saved a new password and role for fiona"));

        mvc.perform(formLogin().user("fiona").password("another long secret")).andExpect(authenticated().withRoles("MARKETING"));
        mvc.perform(formLogin().user("fiona").password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void passwordsThatDifferOrAreShortAreRefusedNextToTheForm() throws Exception {
        String differ = mvc.perform(save("bob", "FINANCE", "a long enough secret", "a long enough secreT"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        String tooShort = mvc.perform(save("bob", "FINANCE", "short", "short"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        String badName = mvc.perform(save("../bob", "FINANCE", "a long enough secret", "a long enough secret"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(differ).contains("id=\"form-problems\"", "the two passwords differ", "value=\"bob\"")
                .doesNotContain("a long enough secret");
        assertThat(tooShort).contains("the password must have at least 12 characters");
        assertThat(badName).contains("is not a user name").doesNotContain("java.", "Exception:");
        assertThat(users.list()).extracting(ConsoleUser::username).containsExactly("ada");
    }

    @Test
    void anAdminRemovesAUserButNeverThemself() throws Exception {
        users.save("fiona", PASSWORD, ConsoleRole.FINANCE);

        mvc.perform(post("/users/fiona/remove").with(csrf()).with(user("ada").roles("ADMIN")))
                .andExpect(redirectedUrl("/users")).andExpect(flash().attribute("notice", "removed fiona"));
        mvc.perform(post("/users/ada/remove").with(csrf()).with(user("ada").roles("ADMIN")))
                .andExpect(redirectedUrl("/users"))
                .andExpect(flash().attribute("problem", "you cannot remove yourself; another admin can"));

        assertThat(users.list()).extracting(ConsoleUser::username).containsExactly("ada");
    }

    @Test
    void anAdminCannotDropTheirOwnAdminRole() throws Exception {
        mvc.perform(save("ada", "FINANCE", PASSWORD, PASSWORD)).andExpect(status().isBadRequest());

        assertThat(users.list()).extracting(ConsoleUser::role).containsExactly(ConsoleRole.ADMIN);
    }

    @Test
    void nobodyButAnAdminMayOpenOrChangeUsers() throws Exception {
        mvc.perform(get("/users").with(user("fiona").roles("FINANCE"))).andExpect(status().isForbidden());
        mvc.perform(post("/users").with(csrf()).with(user("mark").roles("MARKETING"))
                        .param("username", "eve").param("role", "ADMIN")
                        .param("password", PASSWORD).param("passwordAgain", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/users/ada/remove").with(csrf()).with(user("mark").roles("MARKETING")))
                .andExpect(status().isForbidden());

        assertThat(users.list()).extracting(ConsoleUser::username).containsExactly("ada");
    }

    @Test
    void changesWithoutTheFormsCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/users").with(user("ada").roles("ADMIN"))
                        .param("username", "eve").param("role", "ADMIN")
                        .param("password", PASSWORD).param("passwordAgain", PASSWORD))
                .andExpect(status().isForbidden());
        users.save("fiona", PASSWORD, ConsoleRole.FINANCE);
        mvc.perform(post("/users/fiona/remove").with(user("ada").roles("ADMIN"))).andExpect(status().isForbidden());

        assertThat(users.list()).extracting(ConsoleUser::username).containsExactly("ada", "fiona");
    }

    @Test
    void aPasswordOver72BytesIsRefusedNextToTheForm() throws Exception {
        String tooLong = "é".repeat(37);

        String page = mvc.perform(save("bob", "FINANCE", tooLong, tooLong))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"form-problems\"", "the password must be at most 72 bytes", "value=\"bob\"");
        assertThat(users.list()).extracting(ConsoleUser::username).containsExactly("ada");
    }

    @Test
    void namesAreOneUserWhateverTheirCaseAndAnAdminIsStillThemself() throws Exception {
        mvc.perform(save("Bob", "FINANCE", PASSWORD, PASSWORD)).andExpect(flash().attribute("notice", "added bob"));
        mvc.perform(save("BOB", "MARKETING", PASSWORD, PASSWORD))
                .andExpect(flash().attribute("notice", "saved a new password and role for bob"));
        mvc.perform(save("ADA", "FINANCE", PASSWORD, PASSWORD)).andExpect(status().isBadRequest());
        mvc.perform(post("/users/Ada/remove").with(csrf()).with(user("ada").roles("ADMIN")))
                .andExpect(flash().attribute("problem", "you cannot remove yourself; another admin can"));

        assertThat(users.list()).extracting(ConsoleUser::username, ConsoleUser::role).containsExactly(
                tuple("ada", ConsoleRole.ADMIN),
                tuple("bob", ConsoleRole.MARKETING));
    }

    @Test
    void removingAUserOnThePageSignsThemOutButNotTheAdmin() throws Exception {
        users.save("fiona", PASSWORD, ConsoleRole.FINANCE);
        MockHttpSession fiona = signIn("fiona");
        MockHttpSession ada = signIn("ada");

        mvc.perform(post("/users/fiona/remove").with(csrf()).session(ada))
                .andExpect(flash().attribute("notice", "removed fiona"));

        mvc.perform(get("/").session(fiona)).andExpect(redirectedUrl("/login?expired")).andExpect(unauthenticated());
        mvc.perform(get("/users").session(ada)).andExpect(status().isOk());
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
    }

    private static MockHttpServletRequestBuilder save(String username, String role, String password, String again) {
        return post("/users").with(csrf()).with(user("ada").roles("ADMIN"))
                .param("username", username).param("role", role)
                .param("password", password).param("passwordAgain", again);
    }
}
