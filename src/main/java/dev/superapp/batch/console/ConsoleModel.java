package dev.superapp.batch.console;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in {@link ConsoleViewer} in every page's model, for the navigation. */
@ControllerAdvice
class ConsoleModel {

    @ModelAttribute("viewer")
    ConsoleViewer viewer(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return ConsoleViewer.of(authentication);
    }
}
