package dev.signozha.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request to the API server as RBAC sees it: verb, API group, resource (with its subresource), namespace and
 * name, read from the HTTP method and path the way kube-apiserver's request-info resolver does.
 */
public record ApiRequest(String verb, String group, String resource, String namespace, String name) {

    private static final Pattern PATH = Pattern.compile(
            "^/(?:api/v1|apis/(?<group>[^/]+)/[^/]+)(?:/namespaces/(?<namespace>[^/?]+))?(?:/(?<rest>[^?]*))?(?:\\?(?<query>.*))?$");

    /** The request of a method and path; null for non-resource paths such as /version. */
    public static ApiRequest of(String method, String path) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        String group = matcher.group("group") == null ? "" : matcher.group("group");
        String namespace = matcher.group("namespace");
        String[] rest = matcher.group("rest") == null || matcher.group("rest").isEmpty()
                ? new String[0]
                : matcher.group("rest").split("/");
        if (rest.length == 0) {
            // GET /api/v1/namespaces/NAME: the namespace object itself.
            return namespace == null ? null : new ApiRequest(verb(method, true, ""), "", "namespaces", null, namespace);
        }
        String resource = rest[0] + (rest.length > 2 ? "/" + rest[2] : "");
        String name = rest.length > 1 ? rest[1] : null;
        String query = matcher.group("query") == null ? "" : matcher.group("query");
        return new ApiRequest(verb(method, name != null, query), group, resource, namespace, name);
    }

    public boolean writes() {
        return !verb.equals("get") && !verb.equals("list") && !verb.equals("watch");
    }

    private static String verb(String method, boolean named, String query) {
        return switch (method) {
            case "GET" -> query.contains("watch=true") ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The apiserver's sentence for a request RBAC denies, word for word. */
    public String forbiddenMessage(String user) {
        String subject = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
        String scope = namespace == null ? "at the cluster scope" : "in the namespace \"" + namespace + "\"";
        return (name == null ? subject : subject + " \"" + name + "\"") + " is forbidden: User \"" + user + "\" cannot "
                + verb + " resource \"" + resource + "\" in API group \"" + group + "\" " + scope;
    }
}
