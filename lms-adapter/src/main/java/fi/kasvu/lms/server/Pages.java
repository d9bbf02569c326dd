package fi.kasvu.lms.server;

import fi.kasvu.common.Language;
import fi.kasvu.grow.GrowTemplate;
import fi.kasvu.lms.lti.DynamicRegistration;
import fi.kasvu.lms.lti.LoginInitiation;
import fi.kasvu.lms.lti.ToolConfiguration;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The tool's few pages; every platform or user value is escaped by {@link Page}. */
final class Pages {

    /**
     * Stores the state in the platform (LTI client-side postMessage storage), then goes on to the
     * platform's authorization endpoint. Values travel in data attributes, never inside the script.
     */
    private static final String PUT_STATE_SCRIPT = "<script>(function(){var d=document.getElementById('kasvu')"
            + ".dataset;var t=d.target==='_parent'?window.parent:(window.parent.frames[d.target]||window.parent);"
            + "var id='kasvu-'+Math.random().toString(36).slice(2);var done=false;function go(){if(!done){done=true;"
            + "window.location.href=d.auth;}}window.addEventListener('message',function(e){if(e.origin===d.origin&&"
            + "e.data&&e.data.message_id===id){go();}});try{t.postMessage({subject:'lti.put_data',message_id:id,"
            + "key:'kasvu_state_'+d.state,value:d.state},d.origin);}catch(x){go();}setTimeout(go,2000);})();</script>";

    /** Reads the state back from the platform's storage and posts the launch again with it. */
    private static final String GET_STATE_SCRIPT = "<script>(function(){var d=document.getElementById('kasvu')"
            + ".dataset;var f=document.getElementById('relaunch');var t=d.target==='_parent'?window.parent:"
            + "(window.parent.frames[d.target]||window.parent);var id='kasvu-'+Math.random().toString(36).slice(2);"
            + "var done=false;function send(v){if(!done){done=true;f.elements['lti_storage_state'].value=v||'';"
            + "f.submit();}}window.addEventListener('message',function(e){if(e.origin===d.origin&&e.data&&"
            + "e.data.message_id===id){send(e.data.value);}});try{t.postMessage({subject:'lti.get_data',"
            + "message_id:id,key:'kasvu_state_'+d.state},d.origin);}catch(x){send('');}setTimeout(function(){"
            + "send('');},2000);})();</script>";

    /** Submits the first form on the page. */
    private static final String SUBMIT_SCRIPT = "<script>document.forms[0].submit();</script>";

    /** Closes the platform's registration window (1EdTech Dynamic Registration). */
    private static final String CLOSE_SCRIPT = "<script>document.getElementById('close').addEventListener('click',"
            + "function(){(window.opener||window.parent).postMessage({subject:'org.imsglobal.lti.close'},'*');});"
            + "</script>";

    private Pages() {
    }

    static String storePlatformState(LoginInitiation.Outcome.Redirect redirect, String platformOrigin) {
        return Page.start(Language.EN, "Kasvu")
                .raw("<div id=\"kasvu\" data-target=\"").text(redirect.storageTarget().orElse("_parent"))
                .raw("\" data-origin=\"").text(platformOrigin)
                .raw("\" data-state=\"").text(redirect.state().state())
                .raw("\" data-auth=\"").text(redirect.authRequest()).raw("\"></div>")
                .raw("<noscript><p><a href=\"").text(redirect.authRequest()).raw("\">Continue</a></p></noscript>")
                .raw(PUT_STATE_SCRIPT).finish();
    }

    static String checkPlatformState(URI launchUrl, String idToken, String state, String target, String origin) {
        return Page.start(Language.EN, "Kasvu")
                .raw("<div id=\"kasvu\" data-target=\"").text(target).raw("\" data-origin=\"").text(origin)
                .raw("\" data-state=\"").text(state).raw("\"></div>")
                .raw("<form id=\"relaunch\" method=\"post\" action=\"").text(launchUrl).raw("\">")
                .hidden("id_token", idToken).hidden("state", state).hidden("lti_storage_state", "")
                .raw("<noscript><button type=\"submit\">Continue</button></noscript></form>")
                .raw(GET_STATE_SCRIPT).finish();
    }

    static String activity(LtiServlets.Session session, String sessionId, boolean cookiesBlocked, boolean marked,
                           URI baseUrl) {
        Language l = session.language();
        Page page = Page.start(l, "Kasvu")
                .element("h1", session.name().isEmpty() ? Texts.WELCOME.in(l) : Texts.WELCOME.in(l) + ", "
                        + session.name())
                .paragraph(String.format(Texts.OPENED.in(l), session.activity(), session.course()))
                .paragraph(Texts.COMING.in(l));
        if (marked) {
            page.raw("<p role=\"status\">").text(Texts.MARKED_DONE.in(l)).raw("</p>");
        } else if (session.learner() && session.lineItem().isPresent()) {
            page.raw("<form method=\"post\" action=\"").text(baseUrl + "/activity/" + sessionId + "/complete")
                    .raw("\"><button type=\"submit\">").text(Texts.MARK_DONE.in(l)).raw("</button></form>");
        }
        if (session.instructor() && session.memberships().isPresent()) {
            page.raw("<p><a id=\"roster-link\" href=\"").text(baseUrl + "/activity/" + sessionId + "/roster")
                    .raw("\">").text(Texts.ROSTER_LINK.in(l)).raw("</a></p>");
        }
        if (cookiesBlocked) {
            page.paragraph(Texts.NEW_WINDOW.in(l))
                    .raw("<p><a target=\"_blank\" rel=\"noopener\" href=\"").text(baseUrl + "/activity/" + sessionId)
                    .raw("\">").text(Texts.OPEN_NEW_WINDOW.in(l)).raw("</a></p>");
        }
        return page.finish();
    }

    static String picker(Language l, URI action, String picker, String defaultTitle, List<GrowTemplate> templates) {
        Page page = Page.start(l, Texts.PICKER_TITLE.in(l)).element("h1", Texts.PICKER_TITLE.in(l))
                .raw("<form method=\"post\" action=\"").text(action).raw("\">").hidden("picker", picker)
                .raw("<label for=\"title\">").text(Texts.PICKER_NAME.in(l)).raw("</label>")
                .raw("<input id=\"title\" name=\"title\" required maxlength=\"255\" value=\"")
                .text(defaultTitle.isBlank() ? "Kasvu" : defaultTitle).raw("\">")
                .raw("<label for=\"kind\">").text(Texts.PICKER_KIND.in(l)).raw("</label><select id=\"kind\" name=\"kind\">")
                .raw("<option value=\"grow\">").text(Texts.KIND_GROW.in(l)).raw("</option>")
                .raw("<option value=\"experiment\">").text(Texts.KIND_EXPERIMENT.in(l)).raw("</option>")
                .raw("<option value=\"peer-groups\">").text(Texts.KIND_PEERS.in(l)).raw("</option></select>")
                .raw("<label for=\"template\">").text(Texts.PICKER_TEMPLATE.in(l))
                .raw("</label><select id=\"template\" name=\"template\">");
        for (GrowTemplate template : templates) {
            page.raw("<option value=\"").text(template.id()).raw("\">").text(template.title().in(l)).raw("</option>");
        }
        return page.raw("</select><label for=\"followUpDays\">").text(Texts.PICKER_FOLLOW_UP.in(l))
                .raw("</label><input id=\"followUpDays\" name=\"followUpDays\" type=\"number\" min=\"1\" max=\"365\" "
                        + "value=\"14\"><label><input type=\"checkbox\" name=\"graded\" value=\"on\" checked> ")
                .text(Texts.PICKER_GRADED.in(l)).raw("</label><label for=\"scoreMaximum\">").text(Texts.PICKER_MAX.in(l))
                .raw("</label><input id=\"scoreMaximum\" name=\"scoreMaximum\" type=\"number\" min=\"1\" max=\"1000\" "
                        + "value=\"10\"><button type=\"submit\">").text(Texts.PICKER_SUBMIT.in(l))
                .raw("</button></form>").finish();
    }

    static String autoPost(Language l, URI action, Map<String, String> fields) {
        Page page = Page.start(l, "Kasvu").paragraph(Texts.SENDING.in(l))
                .raw("<form method=\"post\" action=\"").text(action).raw("\">");
        fields.forEach(page::hidden);
        return page.raw("<noscript><button type=\"submit\">").text(Texts.CONTINUE.in(l))
                .raw("</button></noscript></form>").raw(SUBMIT_SCRIPT).finish();
    }

    static String registered(Language l, DynamicRegistration.Outcome.Registered registered) {
        Page page = Page.start(l, Texts.REGISTERED_TITLE.in(l)).element("h1", Texts.REGISTERED_TITLE.in(l))
                .paragraph(String.format(Texts.REGISTERED_BODY.in(l), registered.registration().name()));
        if (!registered.registration().active()) {
            page.paragraph(Texts.REGISTERED_PENDING.in(l));
        }
        return page.raw("<p><strong>").text(Texts.REGISTERED_STEP.in(l)).raw("</strong></p>")
                .raw("<button id=\"close\" type=\"button\">").text(Texts.CLOSE.in(l)).raw("</button>")
                .raw(CLOSE_SCRIPT).finish();
    }

    /** An admin-facing refusal of a registration: what was wrong, never the platform's answer. */
    static String registrationRefused(DynamicRegistration.Outcome.Refused refused, String correlation) {
        return Page.start(Language.EN, "Kasvu could not register").element("h1", "Kasvu could not register this "
                        + "platform")
                .paragraph(refused.reason().explanation())
                .raw("<p>What was wrong: <code>").text(refused.detail()).raw("</code></p>")
                .raw("<p class=\"muted\">Reason <code>").text(refused.reason().name())
                .raw("</code>, reference <code>").text(correlation).raw("</code> (the same reference is in the "
                        + "server log).</p>")
                .raw("<p class=\"muted\" lang=\"fi\">Rekisteröinti ei onnistunut. Pyydä Kasvun ylläpitäjältä uusi "
                        + "rekisteröintilinkki.</p>")
                .raw("<p class=\"muted\" lang=\"sv\">Registreringen misslyckades. Be Kasvus administratör om en ny "
                        + "registreringslänk.</p>")
                .finish();
    }

    static String registrationHelp(ToolConfiguration tool) {
        return Page.start(Language.EN, "Kasvu LTI tool").element("h1", "Kasvu LTI 1.3 tool")
                .raw("<p>To add Kasvu to Moodle, ask the Kasvu administrator for a registration link (<code>kasvu "
                        + "platform invite</code>), paste it into <em>Site administration → Plugins → Activity "
                        + "modules → External tool → Manage tools → Tool URL</em> and choose <em>Add LTI Advantage"
                        + "</em>. Each link works once and expires. Links look like <code>").text(tool.registrationUrl())
                .raw("/…</code>.</p>")
                .raw("<p>For a manual registration: login URL <code>").text(tool.loginUrl())
                .raw("</code>, redirection URI and tool URL <code>").text(tool.launchUrl())
                .raw("</code>, keyset URL <code>").text(tool.jwksUrl()).raw("</code>.</p>").finish();
    }
}
