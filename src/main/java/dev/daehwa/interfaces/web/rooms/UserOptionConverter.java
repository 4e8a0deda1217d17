package dev.daehwa.interfaces.web.rooms;

import dev.daehwa.application.accounts.UserDirectory;
import jakarta.enterprise.context.Dependent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;

/**
 * Autocomplete suggestions (converter="userOption") travel as usernames. A username nobody has comes back as an option
 * with no display name, so that the service, not the converter, says "no such user".
 */
@Dependent
@FacesConverter(value = "userOption", managed = true)
public class UserOptionConverter implements Converter<UserOption> {

    @Inject
    private UserDirectory directory;

    @Override
    public UserOption getAsObject(FacesContext context, UIComponent component, String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return directory.byUsername(username).map(UserOption::of).orElse(new UserOption(username, username));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, UserOption option) {
        return option == null ? "" : option.username();
    }
}
