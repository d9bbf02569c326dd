package fi.kasvu.lms.server;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.StringUtil;

/** A scriptless browser for flow tests: follows forms by hand, keeps cookies unless told not to. */
final class Browser {

    private static final Pattern INPUT = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"\\s*/?>");
    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*)\"");
    private final HttpClient http;

    private Browser(boolean cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) {
            builder.cookieHandler(new CookieManager());
        }
        this.http = builder.build();
    }

    static Browser withCookies() {
        return new Browser(true);
    }

    /** A browser blocking third-party cookies in the LMS iframe: nothing is stored. */
    static Browser withoutCookies() {
        return new Browser(false);
    }

    HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).header("Accept-Language", "fi-FI,fi;q=0.9").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI url, Map<String, String> form) throws IOException, InterruptedException {
        return post(url, form, "en");
    }

    /** Posts a form with this Accept-Language. */
    HttpResponse<String> post(URI url, Map<String, String> form, String acceptLanguage)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", acceptLanguage).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits the page's first form as its script would. */
    HttpResponse<String> submitForm(String html) throws IOException, InterruptedException {
        return post(formAction(html), hiddenFields(html));
    }

    static URI formAction(String html) {
        Matcher m = ACTION.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form in " + html);
        }
        return URI.create(unescape(m.group(1)));
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(html);
        while (m.find()) {
            fields.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return fields;
    }

    static String dataAttribute(String html, String name) {
        Matcher m = Pattern.compile("data-" + name + "=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no data-" + name + " in " + html);
        }
        return unescape(m.group(1));
    }

    static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Escaping as the server does it, to find escaped text in pages. */
    static String escaped(String text) {
        return StringUtil.sanitizeXmlString(text);
    }
}
