package fi.kasvu.lms.moodle.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a Moodle 4.5 site with one course, for sync tests and benchmarks: an HTTP server
 * on 127.0.0.1 that keeps groups, groupings, members, events and messages in memory and answers
 * in the shapes recorded from a real Moodle (including its errors: {@code idnumbertaken}, the
 * generic {@code invalidparameter} for duplicate names and non-enrolled members, the void
 * {@code null} bodies, {@code accessexception} for functions outside the service, and the
 * message batch bug). Faults can be injected into the n-th call of a function.
 */
public final class FakeMoodle implements AutoCloseable {

    /** Looked up once: {@code Json.create…} searches the class path on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A fault to inject. {@code _AFTER} faults let Moodle do the work and then lose the answer. */
    public enum Fault {
        /** HTTP 500 before anything happens. */
        HTTP_500,
        /** The work is done, then HTTP 500. */
        HTTP_500_AFTER,
        /** The connection is closed without an answer, before anything happens. */
        RESET,
        /** The work is done, then the connection is closed without an answer. */
        RESET_AFTER,
        /** The work is done, then no answer comes until the client times out. */
        TIMEOUT_AFTER,
        /** The work is done, then a truncated JSON body comes back. */
        MALFORMED_AFTER,
        /** Moodle reports a database error ({@code dml_write_exception}) and does nothing. */
        MOODLE_ERROR
    }

    /** A user of the site. */
    public record User(long id, String username, String firstname, String lastname, String email, String idnumber,
            String lang, boolean enrolled) {
        String fullname() {
            return firstname + " " + lastname;
        }
    }

    private record StoredGroup(long id, long courseid, String name, String description, int descriptionformat,
            String enrolmentkey, String idnumber, int visibility, boolean participation) {
    }

    private record StoredGrouping(long id, long courseid, String name, String description, int descriptionformat,
            String idnumber) {
    }

    private record StoredEvent(long id, String name, String description, int format, long courseid, long groupid,
            long userid, String eventtype, long timestart, long timeduration, int visible) {
    }

    /** A message Moodle stored. */
    public record Message(long id, long touserid, String text, String clientmsgid) {
    }

    /** A malformed answer: what a proxy cutting the body short would deliver. */
    private static final String TRUNCATED = "[{\"id\":1,\"courseid\":";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final String token;
    private final long courseId;
    private final String shortname;
    private final String fullname;
    private final Map<Long, User> users = new LinkedHashMap<>();
    private final Set<String> serviceFunctions = ConcurrentHashMap.newKeySet();
    private final Map<Long, StoredGroup> groups = new LinkedHashMap<>();
    private final Map<Long, Set<Long>> members = new LinkedHashMap<>();
    private final Map<Long, StoredGrouping> groupings = new LinkedHashMap<>();
    private final Set<String> assignments = new LinkedHashSet<>();
    private final Map<Long, StoredEvent> events = new LinkedHashMap<>();
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Fault>> faults = new ConcurrentHashMap<>();
    private final AtomicInteger changes = new AtomicInteger();
    private final List<String> refusals = new ArrayList<>();
    private final Set<Long> unreachable = new LinkedHashSet<>();
    private boolean manageEntries = true;
    private final CountDownLatch closing = new CountDownLatch(1);
    private long nextId = 1;

    static {
        // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every loopback call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FakeMoodle(String token, long courseId, String shortname, String fullname, Collection<User> people)
            throws IOException {
        this.token = token;
        this.courseId = courseId;
        this.shortname = shortname;
        this.fullname = fullname;
        people.forEach(user -> users.put(user.id(), user));
        serviceFunctions.addAll(ALL_FUNCTIONS);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/webservice/rest/server.php", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The functions of the recorded service, and {@code core_calendar_delete_calendar_events}. */
    public static final Set<String> ALL_FUNCTIONS = Set.of(
            "core_webservice_get_site_info", "core_course_get_courses_by_field", "core_enrol_get_enrolled_users",
            "core_user_get_users_by_field", "core_group_create_groups", "core_group_get_course_groups",
            "core_group_add_group_members", "core_group_get_group_members", "core_group_delete_groups",
            "core_group_create_groupings", "core_group_assign_grouping", "core_group_get_course_groupings",
            "core_cohort_create_cohorts", "core_cohort_add_cohort_members", "core_cohort_search_cohorts",
            "core_calendar_create_calendar_events", "core_calendar_get_calendar_events",
            "core_calendar_delete_calendar_events",
            "core_message_send_instant_messages", "core_message_get_messages",
            "core_completion_get_activities_completion_status", "mod_lti_get_tool_types", "mod_lti_get_ltis_by_courses");

    /** The token user's id (the recorded token belongs to admin, id 2). */
    public static final long TOKEN_USER = 2;

    /** Real Moodle functions that are not in the recorded service (calling them is an access error). */
    private static final Set<String> OTHER_FUNCTIONS = Set.of("core_user_create_users", "core_course_create_courses",
            "core_completion_override_activity_completion_status", "core_grades_update_grades",
            "core_group_get_groupings");

    /**
     * A running fake site with one course and the given users.
     *
     * @throws IOException if the server cannot start
     */
    public static FakeMoodle start(String token, long courseId, String shortname, String fullname,
            Collection<User> people) throws IOException {
        return new FakeMoodle(token, courseId, shortname, fullname, people);
    }

    /** The site's base URL. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Makes these users refuse messages from the token user (their message preferences, in Moodle). */
    public synchronized FakeMoodle refuseMessagesTo(long... userIds) {
        for (long id : userIds) {
            unreachable.add(id);
        }
        return this;
    }

    /** Why the fake refused each call with a bare {@code invalidparameter} (what Moodle's debuginfo would say). */
    public synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Removes functions from the token's service. */
    public FakeMoodle withoutFunctions(String... functions) {
        serviceFunctions.removeAll(List.of(functions));
        return this;
    }

    /** Makes the {@code nth} call (1-based, counted per function) of a function fail. */
    public FakeMoodle failOn(String function, int nth, Fault fault) {
        faults.computeIfAbsent(function, f -> new ConcurrentHashMap<>()).put(nth, fault);
        return this;
    }

    /** Calls received so far, all functions. */
    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Calls received per function. */
    public Map<String, Integer> callsByFunction() {
        Map<String, Integer> copy = new TreeMap<>();
        calls.forEach((function, count) -> copy.put(function, count.get()));
        return copy;
    }

    /** Forgets the call counts (state is kept). */
    public void resetCounts() {
        calls.clear();
    }

    /** How many things were created or added since the start (groups, groupings, assignments, members, events, messages). */
    public int changes() {
        return changes.get();
    }

    /** Group idnumbers in creation order. */
    public synchronized List<String> groupIdnumbers() {
        return groups.values().stream().map(StoredGroup::idnumber).toList();
    }

    /** The group id with this idnumber, or -1. */
    public synchronized long groupId(String idnumber) {
        return groups.values().stream().filter(g -> g.idnumber().equals(idnumber)).mapToLong(StoredGroup::id)
                .findFirst().orElse(-1);
    }

    /** The members of a group. */
    public synchronized Set<Long> membersOf(long groupId) {
        return Set.copyOf(members.getOrDefault(groupId, Set.of()));
    }

    /** Grouping idnumbers. */
    public synchronized List<String> groupingIdnumbers() {
        return groupings.values().stream().map(StoredGrouping::idnumber).toList();
    }

    /** Groups assigned to groupings, as "groupingid/groupid". */
    public synchronized Set<String> assignments() {
        return Set.copyOf(assignments);
    }

    /** Events as "groupid|eventtype|name|timestart". */
    public synchronized List<String> events() {
        return events.values().stream().map(e -> e.groupid() + "|" + e.eventtype() + "|" + e.name() + "|" + e.timestart())
                .toList();
    }

    /** Messages stored. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Deletes an event behind Kasvu's back (as a teacher would). */
    public synchronized void deleteEventByHand(String name) {
        events.values().removeIf(e -> e.name().equals(name));
    }

    /** Moves an event behind Kasvu's back (as a teacher would). */
    public synchronized void moveEventByHand(String name, long timestart) {
        events.replaceAll((id, e) -> e.name().equals(name) ? new StoredEvent(e.id(), e.name(), e.description(), e.format(),
                e.courseid(), e.groupid(), e.userid(), e.eventtype(), timestart, e.timeduration(), e.visible()) : e);
    }

    /** Events of every course as "id|courseid|groupid|eventtype|name|timestart". */
    public synchronized List<String> eventsWithIds() {
        return events.values().stream().map(e -> e.id() + "|" + e.courseid() + "|" + e.groupid() + "|" + e.eventtype()
                + "|" + e.name() + "|" + e.timestart()).toList();
    }

    /** Adds a course event to the course behind Kasvu's back (as a teacher would); its id. */
    public synchronized long addEventByHand(String name, long timestart) {
        long id = nextId++;
        events.put(id, new StoredEvent(id, name, "", 1, courseId, 0, 3, "course", timestart, 0, 1));
        return id;
    }

    /** Adds a course event to another course of the site (which the token's user may not manage); its id. */
    public synchronized long addEventInAnotherCourseByHand(long otherCourse, String name, long timestart) {
        long id = nextId++;
        events.put(id, new StoredEvent(id, name, "", 1, otherCourse, 0, 3, "course", timestart, 0, 1));
        return id;
    }

    /**
     * Takes {@code moodle/calendar:manageentries} from the token's user (as a role without it would):
     * creating events then comes back as {@code nopermissions} warnings, deleting as a
     * {@code nopermissions} error (both recorded, {@code ws-course-services/errors}).
     */
    public synchronized FakeMoodle withoutCalendarCapability() {
        manageEntries = false;
        return this;
    }

    /** Adds a group behind the sync's back (as a teacher would). */
    public synchronized long addGroupByHand(String name, String idnumber) {
        long id = nextId++;
        groups.put(id, new StoredGroup(id, courseId, name, "", 1, null, idnumber, 0, true));
        return id;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, Object> form;
        try (InputStream in = exchange.getRequestBody()) {
            form = parseForm(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String function = String.valueOf(form.getOrDefault("wsfunction", ""));
        int nth = calls.computeIfAbsent(function, f -> new AtomicInteger()).incrementAndGet();
        Map<Integer, Fault> planned = faults.get(function);
        Fault fault = planned == null ? null : planned.remove(nth);
        if (fault == Fault.RESET) {
            exchange.close();
            return;
        }
        if (fault == Fault.HTTP_500) {
            send(exchange, 500, "<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1></body></html>");
            return;
        }
        if (fault == Fault.MOODLE_ERROR) {
            send(exchange, 200, error("dml_write_exception", "dmlwriteexception", "Error writing to database"));
            return;
        }
        String answer;
        try {
            answer = answer(function, form);
        } catch (RuntimeException e) {
            answer = error("core\\exception\\invalid_parameter_exception", "invalidparameter",
                    "Invalid parameter value detected");
        }
        if (fault == Fault.RESET_AFTER) {
            exchange.close();
            return;
        }
        if (fault == Fault.TIMEOUT_AFTER) {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (fault == Fault.HTTP_500_AFTER) {
            send(exchange, 500, "<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1></body></html>");
            return;
        }
        send(exchange, 200, fault == Fault.MALFORMED_AFTER ? TRUNCATED : answer);
    }

    private synchronized String answer(String function, Map<String, Object> form) {
        if (!token.equals(form.get("wstoken"))) {
            return error("core\\exception\\moodle_exception", "invalidtoken", "Invalid token - token not found");
        }
        if (!ALL_FUNCTIONS.contains(function) && !OTHER_FUNCTIONS.contains(function)) {
            return error("dml_missing_record_exception", "invalidrecord",
                    "Can't find data record in database table external_functions.");
        }
        if (!serviceFunctions.contains(function)) {
            return error("webservice_access_exception", "accessexception", "Access control exception");
        }
        String refused = FakeParams.check(function, form);
        if (refused != null) {
            refusals.add(function + refused);
            return invalidParameter();
        }
        return switch (function) {
            case "core_webservice_get_site_info" -> siteInfo();
            case "core_course_get_courses_by_field" -> coursesByField(form);
            case "core_enrol_get_enrolled_users" -> enrolledUsers(form);
            case "core_user_get_users_by_field" -> usersByField(form);
            case "core_group_create_groups" -> createGroups(form);
            case "core_group_get_course_groups" -> courseGroups(form);
            case "core_group_add_group_members" -> addGroupMembers(form);
            case "core_group_get_group_members" -> groupMembers(form);
            case "core_group_create_groupings" -> createGroupings(form);
            case "core_group_assign_grouping" -> assignGrouping(form);
            case "core_group_get_course_groupings" -> courseGroupings(form);
            case "core_calendar_create_calendar_events" -> createEvents(form);
            case "core_calendar_get_calendar_events" -> calendarEvents(form);
            case "core_calendar_delete_calendar_events" -> deleteEvents(form);
            case "core_message_send_instant_messages" -> sendMessages(form);
            case "core_message_get_messages" -> sentMessages(form);
            default -> error("webservice_access_exception", "accessexception", "Access control exception");
        };
    }

    private String siteInfo() {
        JsonArrayBuilder functions = JSON.createArrayBuilder();
        serviceFunctions.stream().sorted().forEach(name -> functions.add(JSON.createObjectBuilder()
                .add("name", name).add("version", "2024090300")));
        return JSON.createObjectBuilder().add("sitename", "Kasvu fake Moodle").add("username", "kasvu-sync")
                .add("firstname", "Kasvu").add("lastname", "Sync").add("fullname", "Kasvu Sync").add("lang", "en")
                .add("userid", 2).add("siteurl", url().toString()).add("userpictureurl", url() + "u/f1")
                .add("functions", functions).add("downloadfiles", 1).add("uploadfiles", 0)
                .add("release", "4.5dev+ (Build: 20240903)").add("version", "2024090300").add("mobilecssurl", "")
                .add("advancedfeatures", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("name", "messaging").add("value", 1)))
                .add("usercanmanageownfiles", true).add("userquota", 0).add("usermaxuploadfilesize", -1)
                .add("userhomepage", 1).add("userprivateaccesskey", "0000").add("siteid", 1)
                .add("sitecalendartype", "gregorian").add("usercalendartype", "gregorian")
                .add("userissiteadmin", false).add("theme", "boost").add("limitconcurrentlogins", 0)
                .add("policyagreed", 0).build().toString();
    }

    private String coursesByField(Map<String, Object> form) {
        JsonArrayBuilder courses = JSON.createArrayBuilder();
        if ("shortname".equals(form.get("field")) && shortname.equals(form.get("value"))
                || "id".equals(form.get("field")) && String.valueOf(courseId).equals(form.get("value"))) {
            courses.add(JSON.createObjectBuilder().add("id", courseId).add("fullname", fullname)
                    .add("displayname", fullname).add("shortname", shortname).add("courseimage", url() + "course.svg")
                    .add("categoryid", 1).add("categoryname", "Category 1").add("sortorder", 10001).add("summary", "")
                    .add("summaryformat", 1).add("summaryfiles", JSON.createArrayBuilder())
                    .add("overviewfiles", JSON.createArrayBuilder()).add("showactivitydates", false)
                    .add("showcompletionconditions", true).add("contacts", JSON.createArrayBuilder()
                            .add(JSON.createObjectBuilder().add("id", 3).add("fullname", "Tina Teacher")))
                    .add("enrollmentmethods", JSON.createArrayBuilder().add("manual")).add("idnumber", "")
                    .add("format", "topics").add("showgrades", 1).add("newsitems", 1).add("startdate", 1725148800)
                    .add("enddate", 0).add("maxbytes", 0).add("showreports", 0).add("visible", 1).add("groupmode", 0)
                    .add("groupmodeforce", 0).add("defaultgroupingid", 0).add("enablecompletion", 1)
                    .add("completionnotify", 0).add("lang", "").add("theme", "").add("marker", 0).add("legacyfiles", 0)
                    .add("calendartype", "").add("timecreated", 1795438384).add("timemodified", 1795438384)
                    .add("requested", 0).add("cacherev", 1795438389).add("filters", JSON.createArrayBuilder()
                            .add(JSON.createObjectBuilder().add("filter", "activitynames").add("localstate", 0)
                                    .add("inheritedstate", 1)))
                    .add("courseformatoptions", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                            .add("name", "hiddensections").add("value", 1))));
        }
        return JSON.createObjectBuilder().add("courses", courses).add("warnings", JSON.createArrayBuilder()).build()
                .toString();
    }

    private String enrolledUsers(Map<String, Object> form) {
        if (!String.valueOf(courseId).equals(form.get("courseid"))) {
            return error("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table course.");
        }
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (User user : users.values()) {
            if (!user.enrolled()) {
                continue;
            }
            JsonObjectBuilder json = JSON.createObjectBuilder().add("id", user.id()).add("username", user.username())
                    .add("firstname", user.firstname()).add("lastname", user.lastname()).add("fullname", user.fullname())
                    .add("email", user.email()).add("department", "").add("idnumber", user.idnumber())
                    .add("firstaccess", 0).add("lastaccess", 0).add("lastcourseaccess", 0).add("city", "Helsinki")
                    .add("country", "FI").add("profileimageurlsmall", url() + "u/f2").add("profileimageurl", url() + "u/f1");
            JsonArrayBuilder userGroups = JSON.createArrayBuilder();
            boolean any = false;
            for (StoredGroup group : groups.values()) {
                if (members.getOrDefault(group.id(), Set.of()).contains(user.id())) {
                    userGroups.add(JSON.createObjectBuilder().add("id", group.id()).add("name", group.name())
                            .add("description", group.description()).add("descriptionformat", group.descriptionformat()));
                    any = true;
                }
            }
            if (any) {
                json.add("groups", userGroups);
            }
            json.add("roles", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("roleid", 5).add("name", "")
                    .add("shortname", "student").add("sortorder", 0)));
            json.add("enrolledcourses", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("id", courseId)
                    .add("fullname", fullname).add("shortname", shortname)));
            out.add(json);
        }
        return out.build().toString();
    }

    private String usersByField(Map<String, Object> form) {
        String field = String.valueOf(form.get("field"));
        Set<String> values = new LinkedHashSet<>(strings(form.get("values")));
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (User user : users.values()) {
            String value = switch (field) {
                case "id" -> String.valueOf(user.id());
                case "username" -> user.username();
                case "email" -> user.email();
                case "idnumber" -> user.idnumber();
                default -> throw new IllegalArgumentException("field");
            };
            if (values.contains(value)) {
                out.add(JSON.createObjectBuilder().add("id", user.id()).add("username", user.username())
                        .add("firstname", user.firstname()).add("lastname", user.lastname())
                        .add("fullname", user.fullname()).add("email", user.email()).add("department", "")
                        .add("idnumber", user.idnumber()).add("firstaccess", 0).add("lastaccess", 0).add("auth", "manual")
                        .add("suspended", false).add("confirmed", true).add("lang", user.lang()).add("theme", "")
                        .add("timezone", "99").add("mailformat", 1).add("trackforums", 0).add("city", "Helsinki")
                        .add("country", "FI").add("profileimageurlsmall", url() + "u/f2")
                        .add("profileimageurl", url() + "u/f1"));
            }
        }
        return out.build().toString();
    }

    private String createGroups(Map<String, Object> form) {
        List<Map<String, Object>> requested = items(form.get("groups"));
        List<StoredGroup> created = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> idnumbers = new LinkedHashSet<>();
        for (Map<String, Object> group : requested) {
            if (!group.containsKey("description") || !group.containsKey("courseid") || !group.containsKey("name")) {
                return invalidParameter();
            }
            String name = (String) group.get("name");
            String idnumber = (String) group.getOrDefault("idnumber", "");
            if (!names.add(name) || groups.values().stream().anyMatch(g -> g.name().equals(name))) {
                return invalidParameter();
            }
            if (!idnumber.isEmpty() && (!idnumbers.add(idnumber)
                    || groups.values().stream().anyMatch(g -> g.idnumber().equals(idnumber)))) {
                return error("core\\exception\\moodle_exception", "idnumbertaken", "This ID number is already in use");
            }
        }
        for (Map<String, Object> group : requested) {
            long id = nextId++;
            created.add(new StoredGroup(id, Long.parseLong((String) group.get("courseid")), (String) group.get("name"),
                    (String) group.get("description"), Integer.parseInt((String) group.getOrDefault("descriptionformat", "1")),
                    (String) group.get("enrolmentkey"), (String) group.getOrDefault("idnumber", ""),
                    Integer.parseInt((String) group.getOrDefault("visibility", "0")),
                    !"0".equals(group.getOrDefault("participation", "1"))));
        }
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (StoredGroup group : created) {
            groups.put(group.id(), group);
            changes.incrementAndGet();
            out.add(groupJson(group, true));
        }
        return out.build().toString();
    }

    private JsonObjectBuilder groupJson(StoredGroup group, boolean fromCreate) {
        // Listing formats names as Moodle's format_string does ("A &amp; B"); create answers them as sent.
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", group.id()).add("courseid", group.courseid())
                .add("name", fromCreate ? group.name() : escaped(group.name())).add("description", group.description())
                .add("descriptionformat", fromCreate ? group.descriptionformat() : 1);
        if (group.enrolmentkey() == null) {
            if (fromCreate) {
                json.add("enrolmentkey", "");
            } else {
                json.addNull("enrolmentkey");
            }
        } else {
            json.add("enrolmentkey", group.enrolmentkey());
        }
        return json.add("idnumber", group.idnumber()).add("visibility", group.visibility())
                .add("participation", group.participation());
    }

    private String courseGroups(Map<String, Object> form) {
        long course = Long.parseLong((String) form.get("courseid"));
        if (course != courseId) {
            // Recorded from Moodle 4.5: ws-course-services/errors/core_group_get_course_groups__unknown_course.
            return error("core\\exception\\moodle_exception", "errorcoursecontextnotvalid",
                    "You cannot execute functions in the course context (course id:" + course
                            + "). The context error message was: Invalid parameter value detected");
        }
        JsonArrayBuilder out = JSON.createArrayBuilder();
        groups.values().stream().filter(g -> g.courseid() == course).forEach(g -> out.add(groupJson(g, false)));
        return out.build().toString();
    }

    private String addGroupMembers(Map<String, Object> form) {
        List<long[]> pairs = new ArrayList<>();
        for (Map<String, Object> member : items(form.get("members"))) {
            long groupId = Long.parseLong((String) member.get("groupid"));
            long userId = Long.parseLong((String) member.get("userid"));
            User user = users.get(userId);
            if (!groups.containsKey(groupId) || user == null || !user.enrolled()) {
                return invalidParameter();
            }
            pairs.add(new long[] {groupId, userId});
        }
        for (long[] pair : pairs) {
            if (members.computeIfAbsent(pair[0], g -> new LinkedHashSet<>()).add(pair[1])) {
                changes.incrementAndGet();
            }
        }
        return "null";
    }

    private String groupMembers(Map<String, Object> form) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (String id : strings(form.get("groupids"))) {
            long groupId = Long.parseLong(id);
            JsonArrayBuilder ids = JSON.createArrayBuilder();
            members.getOrDefault(groupId, Set.of()).forEach(ids::add);
            out.add(JSON.createObjectBuilder().add("groupid", groupId).add("userids", ids));
        }
        return out.build().toString();
    }

    private String createGroupings(Map<String, Object> form) {
        List<Map<String, Object>> requested = items(form.get("groupings"));
        for (Map<String, Object> grouping : requested) {
            if (!grouping.containsKey("description")) {
                return invalidParameter();
            }
            if (groupings.values().stream().anyMatch(g -> g.name().equals(grouping.get("name")))) {
                return invalidParameter();
            }
            String idnumber = (String) grouping.getOrDefault("idnumber", "");
            if (!idnumber.isEmpty() && groupings.values().stream().anyMatch(g -> g.idnumber().equals(idnumber))) {
                return error("core\\exception\\moodle_exception", "idnumbertaken", "This ID number is already in use");
            }
        }
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (Map<String, Object> grouping : requested) {
            long id = nextId++;
            StoredGrouping stored = new StoredGrouping(id, Long.parseLong((String) grouping.get("courseid")),
                    (String) grouping.get("name"), (String) grouping.get("description"),
                    Integer.parseInt((String) grouping.getOrDefault("descriptionformat", "1")),
                    (String) grouping.getOrDefault("idnumber", ""));
            groupings.put(id, stored);
            changes.incrementAndGet();
            out.add(groupingJson(stored));
        }
        return out.build().toString();
    }

    private static JsonObjectBuilder groupingJson(StoredGrouping grouping) {
        return JSON.createObjectBuilder().add("id", grouping.id()).add("courseid", grouping.courseid())
                .add("name", grouping.name()).add("description", grouping.description())
                .add("descriptionformat", grouping.descriptionformat()).add("idnumber", grouping.idnumber());
    }

    private String assignGrouping(Map<String, Object> form) {
        for (Map<String, Object> assignment : items(form.get("assignments"))) {
            String pair = assignment.get("groupingid") + "/" + assignment.get("groupid");
            if (assignments.add(pair)) {
                changes.incrementAndGet();
            }
        }
        return "null";
    }

    private String courseGroupings(Map<String, Object> form) {
        long course = Long.parseLong((String) form.get("courseid"));
        if (course != courseId) {
            // Recorded: ws-course-services/errors/core_group_get_course_groupings__unknown_course.
            return error("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table course.");
        }
        JsonArrayBuilder out = JSON.createArrayBuilder();
        groupings.values().stream().filter(g -> g.courseid() == course).forEach(g -> out.add(groupingJson(g)));
        return out.build().toString();
    }

    private String createEvents(Map<String, Object> form) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (Map<String, Object> event : items(form.get("events"))) {
            if (!String.valueOf(courseId).equals(event.getOrDefault("courseid", String.valueOf(courseId)))) {
                // Recorded: ws-course-services/errors/core_calendar_create_calendar_events__course_unknown_course.
                return error("dml_missing_record_exception", "invalidrecord",
                        "Can't find data record in database table course.");
            }
        }
        JsonArrayBuilder warnings = JSON.createArrayBuilder();
        for (Map<String, Object> event : items(form.get("events"))) {
            if (!manageEntries) {
                // Recorded: ws-course-services/errors/core_calendar_create_calendar_events__no_manageentries.
                warnings.add(JSON.createObjectBuilder().add("item", (String) event.get("name"))
                        .add("warningcode", "nopermissions")
                        .add("message", "you do not have permissions to create this event"));
                continue;
            }
            long id = nextId++;
            StoredEvent stored = new StoredEvent(id, (String) event.get("name"),
                    (String) event.getOrDefault("description", ""), Integer.parseInt((String) event.getOrDefault("format", "1")),
                    Long.parseLong((String) event.getOrDefault("courseid", "0")),
                    Long.parseLong((String) event.getOrDefault("groupid", "0")), 2,
                    (String) event.getOrDefault("eventtype", "user"), Long.parseLong((String) event.get("timestart")),
                    Long.parseLong((String) event.getOrDefault("timeduration", "0")),
                    Integer.parseInt((String) event.getOrDefault("visible", "1")));
            events.put(id, stored);
            changes.incrementAndGet();
            out.add(JSON.createObjectBuilder().add("id", id).add("name", stored.name())
                    .add("description", stored.description()).add("format", stored.format())
                    .add("courseid", stored.courseid()).add("groupid", stored.groupid()).add("userid", stored.userid())
                    .add("modulename", "").add("instance", 0).add("eventtype", stored.eventtype())
                    .add("timestart", stored.timestart()).add("timeduration", stored.timeduration())
                    .add("visible", stored.visible()).add("uuid", "").add("sequence", 1).add("timemodified", 1795438457)
                    .addNull("subscriptionid"));
        }
        return JSON.createObjectBuilder().add("events", out).add("warnings", warnings).build().toString();
    }

    /**
     * {@code core_calendar_delete_calendar_events}: all or nothing, as Moodle deletes in one transaction.
     * An id that does not exist is {@code invalidrecord}; an event of a course where the token's user
     * lacks {@code moodle/calendar:manageentries} is {@code nopermissions} (recorded:
     * {@code ws-course-services/errors/core_calendar_delete_calendar_events__*}).
     */
    private String deleteEvents(Map<String, Object> form) {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> item : items(form.get("events"))) {
            long id = Long.parseLong((String) item.get("eventid"));
            StoredEvent event = events.get(id);
            if (event == null) {
                return error("dml_missing_record_exception", "invalidrecord",
                        "Can't find data record in database table event.");
            }
            if (!manageEntries || event.courseid() != courseId) {
                return error("core\\exception\\moodle_exception", "nopermissions",
                        "Sorry, but you do not currently have permissions to do that (Delete event).");
            }
            ids.add(id);
        }
        for (long id : ids) {
            events.remove(id);
            changes.incrementAndGet();
        }
        return "null";
    }

    private String calendarEvents(Map<String, Object> form) {
        @SuppressWarnings("unchecked")
        Map<String, Object> query = (Map<String, Object>) form.getOrDefault("events", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) form.getOrDefault("options", Map.of());
        Set<String> courseIds = new LinkedHashSet<>(strings(query.get("courseids")));
        Set<String> groupIds = new LinkedHashSet<>(strings(query.get("groupids")));
        Set<String> eventIds = new LinkedHashSet<>(strings(query.get("eventids")));
        // Quirk 20: without user events Moodle's event query drops group events too.
        boolean groupEvents = !"0".equals(options.getOrDefault("userevents", "1"));
        boolean ignoreHidden = !"0".equals(options.getOrDefault("ignorehidden", "1"));
        long from = Long.parseLong((String) options.getOrDefault("timestart", "0"));
        long to = Long.parseLong((String) options.getOrDefault("timeend", String.valueOf(Long.MAX_VALUE)));
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (StoredEvent event : events.values()) {
            boolean course = event.groupid() == 0 && courseIds.contains(String.valueOf(event.courseid()))
                    && "course".equals(event.eventtype());
            boolean group = groupEvents && event.groupid() > 0 && groupIds.contains(String.valueOf(event.groupid()));
            boolean shown = event.visible() == 1 || !ignoreHidden;
            // Events asked for by id come back whatever their time or visibility (calendar_get_events_by_id).
            boolean byId = eventIds.contains(String.valueOf(event.id()));
            if (byId || (course || group) && shown && event.timestart() >= from && event.timestart() <= to) {
                JsonObjectBuilder json = JSON.createObjectBuilder().add("id", event.id()).add("name", escaped(event.name()))
                        .add("description", event.description()).add("format", event.format())
                        .add("courseid", event.courseid()).addNull("categoryid");
                if (event.groupid() == 0) {
                    json.addNull("groupid");
                } else {
                    json.add("groupid", event.groupid());
                }
                out.add(json.add("userid", event.userid()).addNull("repeatid").addNull("modulename").addNull("instance")
                        .add("eventtype", event.eventtype()).add("timestart", event.timestart())
                        .add("timeduration", event.timeduration()).add("visible", event.visible()).add("sequence", 1)
                        .add("timemodified", 1795438457).addNull("subscriptionid"));
            }
        }
        return JSON.createObjectBuilder().add("events", out).add("warnings", JSON.createArrayBuilder()).build().toString();
    }

    private String sendMessages(Map<String, Object> form) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        boolean anyFailed = false;
        boolean anyDelivered = false;
        for (Map<String, Object> message : items(form.get("messages"))) {
            long to = Long.parseLong((String) message.get("touserid"));
            String clientmsgid = (String) message.get("clientmsgid");
            JsonObjectBuilder json = JSON.createObjectBuilder();
            if (!users.containsKey(to) || unreachable.contains(to)) {
                anyFailed = true;
                json.add("msgid", -1);
                if (clientmsgid != null) {
                    json.add("clientmsgid", clientmsgid);
                }
                String reason = users.containsKey(to)
                        ? "You can't message " + users.get(to).fullname() + " due to their message preferences. Try"
                                + " adding them as a contact."
                        : "You cannot send a message to a user ID (" + to + ") that doesn't exist.";
                out.add(json.add("errormessage", reason).add("candeletemessagesforallusers", false));
                continue;
            }
            anyDelivered = true;
            long id = nextId++;
            String text = (String) message.get("text");
            messages.add(new Message(id, to, text, clientmsgid));
            changes.incrementAndGet();
            json.add("msgid", id);
            if (clientmsgid != null) {
                json.add("clientmsgid", clientmsgid);
            }
            out.add(json.add("text", "<p>" + text + "</p>").add("timecreated", 1795438472).add("conversationid", to)
                    .add("useridfrom", 2).add("candeletemessagesforallusers", true));
        }
        if (anyFailed && anyDelivered) {
            return error("core\\exception\\moodle_exception", "formatnotsupported", "webservice/formatnotsupported");
        }
        return out.build().toString();
    }

    private String sentMessages(Map<String, Object> form) {
        long to = Long.parseLong((String) form.get("useridto"));
        long from = Long.parseLong((String) form.getOrDefault("useridfrom", "0"));
        if (to != TOKEN_USER && from != TOKEN_USER) {
            return error("core\\exception\\moodle_exception", "accessdenied", "Access denied");
        }
        int limitfrom = Integer.parseInt((String) form.getOrDefault("limitfrom", "0"));
        int limitnum = Integer.parseInt((String) form.getOrDefault("limitnum", "0"));
        List<Message> matching = new ArrayList<>();
        for (Message message : messages) {
            if ((to == 0 || message.touserid() == to) && from == TOKEN_USER) {
                matching.add(message);
            }
        }
        if (!"0".equals(form.getOrDefault("newestfirst", "1"))) {
            java.util.Collections.reverse(matching);
        }
        int end = limitnum == 0 ? matching.size() : Math.min(matching.size(), limitfrom + limitnum);
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (Message message : matching.subList(Math.min(limitfrom, matching.size()), end)) {
            User user = users.get(message.touserid());
            out.add(JSON.createObjectBuilder().add("id", message.id()).add("useridfrom", TOKEN_USER)
                    .add("useridto", message.touserid()).add("subject", "New message from Admin User")
                    .add("text", "<p>" + message.text() + "</p>").add("fullmessage", message.text())
                    .add("fullmessageformat", 2).add("fullmessagehtml", "").add("smallmessage", message.text())
                    .add("notification", 0).add("contexturl", "").add("contexturlname", "").add("timecreated", 1796226602)
                    .addNull("timeread").add("usertofullname", user == null ? "" : user.fullname())
                    .add("userfromfullname", "Admin User").add("customdata", "{\"courseid\":1}"));
        }
        return JSON.createObjectBuilder().add("messages", out).add("warnings", JSON.createArrayBuilder()).build()
                .toString();
    }

    /**
     * A name as Moodle lists it, formatted by {@code format_string} with Moodle's default settings: an
     * {@code &} that starts no entity becomes {@code &amp;}, {@code <} and {@code >} become {@code &lt;} and
     * {@code &gt;}, quotes stay as they are (names with tags never get in: {@code PARAM_TEXT} refuses them).
     * Recorded: ws-course-services/core_group_get_course_groups__name_with_ampersand, the events of 17, and
     * core_group_get_course_groups__name_with_quotes_and_brackets.
     */
    private static String escaped(String name) {
        return name.replaceAll("&(?![a-zA-Z0-9#]{1,8};)", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String invalidParameter() {
        return error("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
    }

    private static String error(String exception, String errorcode, String message) {
        return JSON.createObjectBuilder().add("exception", exception).add("errorcode", errorcode).add("message", message)
                .build().toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        // PHP's json_encode escapes slashes; '/' only occurs inside JSON strings, so this is safe.
        byte[] bytes = (status == 200 ? body.replace("/", "\\/") : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/html");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Parses PHP-style bracket keys into nested maps (lists are maps keyed by index). */
    static Map<String, Object> parseForm(String body) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return root;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            List<String> path = new ArrayList<>();
            int bracket = key.indexOf('[');
            path.add(bracket < 0 ? key : key.substring(0, bracket));
            while (bracket >= 0) {
                int close = key.indexOf(']', bracket);
                path.add(key.substring(bracket + 1, close));
                bracket = key.indexOf('[', close);
            }
            Map<String, Object> node = root;
            for (int i = 0; i < path.size() - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(path.get(i),
                        k -> new LinkedHashMap<String, Object>());
                node = child;
            }
            node.put(path.get(path.size() - 1), value);
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Object list) {
        if (!(list instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("missing list");
        }
        return map.values().stream().map(item -> (Map<String, Object>) item).toList();
    }

    private static List<String> strings(Object list) {
        if (!(list instanceof Map<?, ?> map)) {
            return List.of();
        }
        return map.values().stream().map(String::valueOf).toList();
    }

    /** Stops the server, releasing answers held back by {@link Fault#TIMEOUT_AFTER}. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
