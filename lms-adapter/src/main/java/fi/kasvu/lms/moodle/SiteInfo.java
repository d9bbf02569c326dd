package fi.kasvu.lms.moodle;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who the token belongs to and what its service may call ({@code core_webservice_get_site_info}).
 *
 * @param sitename the site's name
 * @param username the token user's username
 * @param fullname the token user's full name
 * @param userid the token user's id
 * @param siteurl the site's wwwroot
 * @param lang the token user's language
 * @param release Moodle's release text, such as "4.5dev+ (Build: 20240903)"
 * @param version Moodle's version number (a string)
 * @param userissiteadmin whether the token user is a site administrator
 * @param functions the functions of the token's service
 */
public record SiteInfo(String sitename, String username, String fullname, Long userid, String siteurl, String lang,
        String release, String version, Boolean userissiteadmin, List<SiteFunction> functions) {

    /** Normalises missing lists to empty ones. */
    public SiteInfo {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    /** The names of the functions the service holds. */
    public Set<String> functionNames() {
        Set<String> names = new TreeSet<>();
        functions.forEach(function -> names.add(function.name()));
        return names;
    }

    /** The needed functions that the service lacks, sorted; empty when everything is there. */
    public Set<String> missingFunctions(Set<String> needed) {
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(functionNames());
        return missing;
    }
}
