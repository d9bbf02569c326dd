package fi.kasvu.lms.lti;

/** The claim names of LTI 1.3 and its services. */
final class Claims {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String MESSAGE_TYPE = LTI + "message_type";
    static final String VERSION = LTI + "version";
    static final String DEPLOYMENT_ID = LTI + "deployment_id";
    static final String TARGET_LINK_URI = LTI + "target_link_uri";
    static final String ROLES = LTI + "roles";
    static final String CONTEXT = LTI + "context";
    static final String RESOURCE_LINK = LTI + "resource_link";
    static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
    static final String CUSTOM = LTI + "custom";
    static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final String DL_CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    static final String DL_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    static final String DL_MSG = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";
    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final String LTI_VERSION = "1.3.0";

    private Claims() {
    }
}
