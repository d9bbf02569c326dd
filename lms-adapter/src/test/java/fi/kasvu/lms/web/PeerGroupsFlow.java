package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.json.Json;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The peer-group activity over plain HTTP on the real tool (Jetty, a database, the platform
 * simulator): the organiser uploads and forms, members use their group's page. Subclasses choose
 * the database.
 */
abstract class PeerGroupsFlow {

    static final String HEADER = "id,name,email,organisation,unit,site,role,languages,manager_id,interests";

    /** Nine learners on the simulator's roster, each in their own organisation, three sites. */
    static final List<String> NINE = List.of(
            "pp1,Aino Aalto,,Org A,,Helsinki,SUPERVISOR,fi;en,,leading change",
            "pp2,Bertil Berg,,Org B,,Vaasa,SUPERVISOR,fi;sv,,leading change",
            "pp3,Cecilia Cole,,Org C,,Oulu,SUPERVISOR,fi;en,,wellbeing",
            "pp4,Dan Dahl,,Org D,,Helsinki,SUPERVISOR,fi,,wellbeing",
            "pp5,Eeva Ek,,Org E,,Vaasa,SUPERVISOR,fi;sv,,hybrid work",
            "pp6,Frans Fors,,Org F,,Oulu,SUPERVISOR,fi,,hybrid work",
            "pp7,Greta Grön,,Org G,,Helsinki,SUPERVISOR,fi;sv,,leading change",
            "pp8,Hanna Heino,,Org H,,Vaasa,SUPERVISOR,fi;en,,wellbeing",
            "pp9,Ilkka Ilves,,Org I,,Oulu,SUPERVISOR,fi,,hybrid work");

    PagesFixture fixture;

    /** Adds the learners pp1..pp9 (and any extra ids) to the simulator's roster. */
    void roster(String... extra) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            ids.add("pp" + i);
        }
        ids.addAll(List.of(extra));
        for (String id : ids) {
            if (fixture.platform.extraMembers.stream().noneMatch(m -> m.getString("user_id").equals(id))) {
                fixture.platform.extraMembers.add(Json.createObjectBuilder().add("status", "Active")
                        .add("roles", Json.createArrayBuilder().add("Learner")).add("user_id", id)
                        .add("name", "Roster " + id).build());
            }
        }
    }

    /** Launches of the peer-group activity from now on, as this role, in this locale and resource link. */
    void as(String roles, String locale, String resourceLink, String name, Map<String, String> custom) {
        as(fixture.platform, roles, locale, resourceLink, name, custom);
    }

    /** The same on another platform (another tenant). */
    static void as(fi.kasvu.lms.lti.PlatformSimulator platform, String roles, String locale, String resourceLink,
                   String name, Map<String, String> custom) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("kasvu_kind", "peer-groups", "kasvu_group_kind", "triad"));
        all.putAll(custom);
        platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", locale, "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink, "title",
                        "Vertaisryhmät"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", all)
                .claim("name", name));
    }

    /** A browser without JavaScript, posting forms with repeated fields. */
    static final class Client {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "";
        String csrf = "";

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts to a path of the session with the CSRF token; pairs are name, value, name, value … */
        HttpResponse<String> post(String path, String... pairs) throws IOException, InterruptedException {
            List<String> parts = new ArrayList<>();
            parts.add("csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            for (int i = 0; i < pairs.length; i += 2) {
                parts.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
            return http.send(HttpRequest.newBuilder(URI.create(base + "/" + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Posts a multipart form, as a browser without scripts sends a file field: the fields,
         * then each file as (field name, file name, bytes); the CSRF token unless told otherwise.
         */
        HttpResponse<String> multipart(String path, boolean withCsrf, Map<String, String> fields,
                                       String fileField, String fileName, byte[] file)
                throws IOException, InterruptedException {
            String boundary = "----kasvu" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            Map<String, String> all = new LinkedHashMap<>();
            if (withCsrf) {
                all.put("csrf", csrf);
            }
            all.putAll(fields);
            for (Map.Entry<String, String> field : all.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(URI.create(base + "/" + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
            while (response.statusCode() / 100 == 3) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = get(next.toString());
            }
            return response;
        }

        /** The whole launch; remembers the session's base and CSRF token; answers the first page. */
        HttpResponse<String> launch(URI login) throws IOException, InterruptedException {
            HttpResponse<String> toAuth = get(login.toString());
            HttpResponse<String> authForm = get(toAuth.uri().resolve(toAuth.headers().firstValue("Location")
                    .orElseThrow()).toString());
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(authForm.body());
            while (m.find()) {
                fields.put(m.group(1), m.group(2));
            }
            String action = authForm.body().replaceAll("(?s).*action=\"([^\"]*)\".*", "$1");
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> page = follow(http.send(HttpRequest.newBuilder(URI.create(action))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
            base = page.uri().toString().replaceAll("(/pages/s/[^/]+)/.*", "$1");
            csrf = page.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]*)\".*", "$1");
            return page;
        }
    }

    Client organiser(String resourceLink) throws Exception {
        return organiser(resourceLink, Map.of());
    }

    Client organiser(String resourceLink, Map<String, String> custom) throws Exception {
        as(PagesFixture.INSTRUCTOR, "en-GB", resourceLink, "Olga Organiser", custom);
        Client client = new Client();
        HttpResponse<String> page = client.launch(fixture.login("organiser-" + resourceLink, false));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).endsWith("/peer/organiser");
        return client;
    }

    Client learner(String resourceLink, String subject, String name) throws Exception {
        as(PagesFixture.LEARNER, "en-GB", resourceLink, name, Map.of());
        Client client = new Client();
        HttpResponse<String> page = client.launch(fixture.login(subject, false));
        assertThat(page.statusCode()).isEqualTo(200);
        return client;
    }

    static String csv(List<String> rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    /** Uploads and stores the rows; the organiser's page then lists them. */
    static void upload(Client organiser, List<String> rows) throws Exception {
        HttpResponse<String> preview = organiser.post("peer/upload", "do", "preview", "csv", csv(rows));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("The list is valid: " + rows.size() + " participants");
        HttpResponse<String> stored = organiser.post("peer/upload", "do", "store", "csv", csv(rows));
        assertThat(stored.body()).contains("Stored " + rows.size() + " participants", "Participants (");
    }

    /** The preview's groups as sets of member names, in order. */
    static List<List<String>> previewGroups(String html) {
        List<List<String>> groups = new ArrayList<>();
        String[] parts = html.split("<h4 id=\"g-\\d+\">");
        for (int i = 1; i < parts.length; i++) {
            String group = parts[i].split("<ul class=\"members\">", 2)[1].split("</ul>", 2)[0];
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile("<li[^>]*><bdi>([^<]*)</bdi>").matcher(group);
            while (m.find()) {
                names.add(m.group(1));
            }
            groups.add(names.stream().sorted().toList());
        }
        return groups;
    }

    static ListAppender<ILoggingEvent> captureLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        return log;
    }

    static void stopCapture(ListAppender<ILoggingEvent> log) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    /**
     * The confidentiality scenario: nine people in three triads; a member writes a group note and a
     * private reflection; the reflection reaches nobody else (other members, the organiser's pages,
     * the export, the log) and the note reaches members only (never another group nor the organiser).
     */
    void confidentialityScenario(String link) throws Exception {
        roster();
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            Client organiser = organiser(link);
            upload(organiser, NINE);
            HttpResponse<String> formed = organiser.follow(organiser.post("peer/form", "seed", "3", "groupBy",
                    "organisation", "first", "2026-10-01", "meetings", "3", "every", "4"));
            assertThat(previewGroups(formed.body())).hasSize(3);
            HttpResponse<String> published = organiser.post("peer/publish");
            assertThat(published.body()).contains("Published 3 groups");

            Client aino = learner(link, "pp1", "Aino Aalto");
            HttpResponse<String> page = aino.get(aino.base + "/start");
            page = aino.follow(page);
            assertThat(page.uri().getPath()).contains("/peer/group/");
            String groupPath = page.uri().getPath().replaceAll(".*/(peer/group/[^/#?]+).*", "$1");
            String groupId = groupPath.substring("peer/group/".length());
            List<String> mates = new ArrayList<>();
            Matcher names = Pattern.compile("<li><bdi>([^<]*)</bdi>, <bdi>(Org [A-I])</bdi>").matcher(page.body());
            while (names.find()) {
                mates.add(names.group(1));
            }
            assertThat(mates).hasSize(3).contains("Aino Aalto");
            assertThat(page.body()).contains("Roles at the next meeting", "coach", "coachee", "observer",
                    "Confidentiality: what is said in the group stays in the group.",
                    "The group's notes open to you once you accept");

            // Before accepting, a note is refused and nothing is saved.
            HttpResponse<String> early = aino.post("autosave", "phase", groupId, "name", "note-0", "value", "TOO-EARLY");
            assertThat(early.statusCode()).isEqualTo(422);
            assertThat(early.body()).contains("Accept the confidentiality agreement first");
            aino.follow(aino.post(groupPath + "/accept"));
            page = aino.get(aino.base + "/" + groupPath);
            assertThat(page.body()).contains("You accepted the confidentiality agreement on");

            // Meeting 1 was planned by the formation; mark it held, then write the note and the reflection.
            String mateSubject = subjectOf(mates.stream().filter(n -> !n.equals("Aino Aalto")).findFirst().orElseThrow());
            HttpResponse<String> held = aino.post(groupPath + "/held", "number", "1", "attended", "pp1", "attended",
                    mateSubject);
            assertThat(held.statusCode()).as(held.body()).isEqualTo(303);
            assertThat(aino.post("autosave", "phase", groupId, "name", "note-0", "value", "NOTE-SECRET-1").body())
                    .contains("\"ok\":true");
            assertThat(aino.post("autosave", "phase", groupId, "name", "reflection-1", "value", "REFLECTION-SECRET-1")
                    .body()).contains("\"ok\":true");
            // Without JavaScript, the form's Save button saves the same fields.
            assertThat(aino.post("peer/save/" + groupId, "note-0", "NOTE-SECRET-1", "reflection-1",
                    "REFLECTION-SECRET-1").statusCode()).isEqualTo(303);
            page = aino.get(aino.base + "/" + groupPath);
            assertThat(page.body()).contains("NOTE-SECRET-1", "REFLECTION-SECRET-1", "Meeting 1, 2026-10-01 – held");

            // A fellow member reads the note once they accept, and never the reflection.
            Client mate = learner(link, mateSubject, mates.stream().filter(n -> !n.equals("Aino Aalto")).findFirst()
                    .orElseThrow());
            HttpResponse<String> matePage = mate.get(mate.base + "/" + groupPath);
            assertThat(matePage.statusCode()).isEqualTo(200);
            assertThat(matePage.body()).doesNotContain("NOTE-SECRET-1", "REFLECTION-SECRET-1");
            mate.post(groupPath + "/accept");
            matePage = mate.get(mate.base + "/" + groupPath);
            assertThat(matePage.body()).contains("NOTE-SECRET-1").doesNotContain("REFLECTION-SECRET-1");
            // The mate cannot overwrite Aino's note.
            assertThat(mate.post("autosave", "phase", groupId, "name", "note-0", "value", "HIJACK").statusCode())
                    .isEqualTo(422);

            // Someone of another group reaches neither the group's page nor its autosave.
            String outsider = List.of("pp1", "pp2", "pp3", "pp4", "pp5", "pp6", "pp7", "pp8", "pp9").stream()
                    .filter(s -> mates.stream().map(PeerGroupsFlow::subjectOf).noneMatch(s::equals)).findFirst()
                    .orElseThrow();
            Client other = learner(link, outsider, "Outsider");
            assertThat(other.get(other.base + "/" + groupPath).statusCode()).isEqualTo(404);
            assertThat(other.post("autosave", "phase", groupId, "name", "note-1", "value", "INTRUDER").statusCode())
                    .isEqualTo(404);
            HttpResponse<String> ownPage = other.follow(other.get(other.base + "/start"));
            assertThat(ownPage.body()).doesNotContain("NOTE-SECRET-1", "REFLECTION-SECRET-1");

            // The organiser sees counts only: no note, no reflection, on any page or in the export.
            HttpResponse<String> overview = organiser.get(organiser.base + "/peer/organiser");
            assertThat(overview.body()).contains("Published groups", "Meetings held per month")
                    .doesNotContain("NOTE-SECRET-1", "REFLECTION-SECRET-1", "HIJACK");
            assertThat(organiser.get(organiser.base + "/" + groupPath).statusCode()).isEqualTo(404);
            HttpResponse<String> progress = organiser.get(organiser.base + "/progress");
            assertThat(progress.body()).doesNotContain("NOTE-SECRET-1", "REFLECTION-SECRET-1");
            HttpResponse<String> export = organiser.get(organiser.base + "/peer/export.csv");
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.body()).startsWith("round,group,members,meetings_planned,meetings_held,attendance_percent")
                    .doesNotContain("NOTE-SECRET-1", "REFLECTION-SECRET-1", "Aino", "Org A");
            assertThat(export.body().lines().skip(1)).hasSize(3).anySatisfy(line -> assertThat(line)
                    .startsWith("1,").contains(",3,2,1,67,2026-10-01,"));

            // A second round avoids the partners of the first.
            HttpResponse<String> round2 = organiser.follow(organiser.post("peer/form", "seed", "3", "groupBy",
                    "organisation"));
            assertThat(round2.body()).contains("Preview of round 2");
            List<List<String>> second = previewGroups(round2.body());
            assertThat(second).hasSize(3).allSatisfy(g -> assertThat(g.stream().filter(mates::contains).count())
                    .isLessThanOrEqualTo(1));
            // Once round 2 is published, Aino's page opens on her round-2 group and links to round 1.
            assertThat(organiser.post("peer/publish").body()).contains("Published 3 groups");
            HttpResponse<String> latest = aino.follow(aino.get(aino.base + "/start"));
            assertThat(latest.uri().getPath()).contains("/peer/group/").doesNotEndWith(groupPath);
            assertThat(latest.body()).contains("Round 1", "/" + groupPath + "\"").doesNotContain("REFLECTION-SECRET-1");
            assertThat(aino.get(aino.base + "/" + groupPath).body()).contains("REFLECTION-SECRET-1");
        } finally {
            stopCapture(log);
        }
        assertThat(log.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage() + " "
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                .doesNotContain("NOTE-SECRET-1", "REFLECTION-SECRET-1", "HIJACK", "INTRUDER"));
    }

    /** The roster id of a name of {@link #NINE}. */
    static String subjectOf(String name) {
        return NINE.stream().filter(row -> row.split(",")[1].equals(name)).findFirst().orElseThrow().split(",")[0];
    }
}
