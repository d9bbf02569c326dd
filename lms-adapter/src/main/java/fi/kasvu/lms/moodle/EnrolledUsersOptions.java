package fi.kasvu.lms.moodle;

import java.util.List;

/**
 * Options of {@code core_enrol_get_enrolled_users}; null options are left out.
 *
 * @param withcapability only users with this capability, or null
 * @param groupid only members of this group, or null
 * @param onlyactive only active enrolments, or null
 * @param onlysuspended only suspended enrolments, or null
 * @param userfields the fields to return ({@code id} and {@code fullname} always come), empty for all
 * @param limitfrom the first user to return, or null
 * @param limitnumber how many users to return, or null
 * @param sortby {@code id}, {@code firstname}, {@code lastname} or {@code siteorder}, or null
 * @param sortdirection {@code ASC} or {@code DESC}, or null
 */
public record EnrolledUsersOptions(String withcapability, Long groupid, Boolean onlyactive, Boolean onlysuspended,
        List<String> userfields, Integer limitfrom, Integer limitnumber, String sortby, String sortdirection) {

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when options conflict or a value is out of range, naming it
     */
    public EnrolledUsersOptions {
        userfields = userfields == null ? List.of() : List.copyOf(userfields);
        if (Boolean.TRUE.equals(onlyactive) && Boolean.TRUE.equals(onlysuspended)) {
            throw new IllegalArgumentException("onlyactive and onlysuspended exclude each other");
        }
        if (sortby != null && !List.of("id", "firstname", "lastname", "siteorder").contains(sortby)) {
            throw new IllegalArgumentException("sortby must be id, firstname, lastname or siteorder: " + sortby);
        }
        if (sortdirection != null && !sortdirection.equals("ASC") && !sortdirection.equals("DESC")) {
            throw new IllegalArgumentException("sortdirection must be ASC or DESC: " + sortdirection);
        }
        if (limitfrom != null && limitfrom < 0) {
            throw new IllegalArgumentException("limitfrom must not be negative: " + limitfrom);
        }
        if (limitnumber != null && limitnumber < 0) {
            throw new IllegalArgumentException("limitnumber must not be negative: " + limitnumber);
        }
    }

    /** No options: every enrolled user with every visible field. */
    public static EnrolledUsersOptions none() {
        return new EnrolledUsersOptions(null, null, null, null, List.of(), null, null, null, null);
    }

    /** Only the given user fields. */
    public static EnrolledUsersOptions fields(List<String> userfields) {
        return new EnrolledUsersOptions(null, null, null, null, userfields, null, null, null, null);
    }

    boolean isEmpty() {
        return withcapability == null && groupid == null && onlyactive == null && onlysuspended == null
                && userfields.isEmpty() && limitfrom == null && limitnumber == null && sortby == null
                && sortdirection == null;
    }
}
