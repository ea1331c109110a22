package dev.lrcp.cache;

import dev.lrcp.flow.Call;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.llm.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a call's answer is looked up: its caller's namespace (a virtual key, else the static key's
 * fingerprint or the address), the hash of the normalised request (request type, routed model,
 * output cap, temperature, every message's role and whitespace-normalised text, the document), and
 * for semantic matches the hash of the same without the last user message, which is compared by
 * meaning instead.
 */
record CacheKeys(String namespace, String exact, String context, String question) {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  static CacheKeys of(Call call) {
    CallRequest r = call.request();
    String namespace = r.tags().key() != null ? "vkey:" + r.tags().key() : r.tags().client();
    List<Message> messages = r.messages();
    int last = lastUser(messages);
    var head = new StringBuilder();
    head.append(r.requestType())
        .append('\u0000')
        .append(call.model())
        .append('\u0000')
        .append(call.options().maxOutputTokens())
        .append('\u0000')
        .append(call.options().temperature())
        .append('\u0000')
        // only a set budget joins the key, so entries without one keep their keys
        .append(call.options().thinkingBudget() == null ? "" : call.options().thinkingBudget())
        .append('\u0000')
        .append(r.document() == null ? "" : normalise(r.document()));
    var context = new StringBuilder(head);
    var exact = new StringBuilder(head);
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      String text = normalise(m.content());
      exact.append('\u0000').append(m.role()).append(':').append(text);
      context.append('\u0000').append(m.role()).append(':').append(i == last ? "\u0001" : text);
    }
    String question = last < 0 ? "" : normalise(messages.get(last).content());
    return new CacheKeys(namespace, sha256(exact), sha256(context), question);
  }

  String id() {
    return namespace + "|" + exact;
  }

  String group() {
    return namespace + "|" + context;
  }

  static String normalise(String text) {
    return SPACES.matcher(text.strip()).replaceAll(" ");
  }

  private static int lastUser(List<Message> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Message.Role.USER) {
        return i;
      }
    }
    return -1;
  }

  private static String sha256(CharSequence text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
