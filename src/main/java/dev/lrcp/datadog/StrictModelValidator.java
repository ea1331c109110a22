package dev.lrcp.datadog;

import com.datadog.api.client.AbstractOpenApiSchema;
import com.datadog.api.client.JSON;
import com.datadog.api.client.ModelEnum;
import com.datadog.api.client.UnparsedObject;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Deserializes JSON into the datadog-api-client models and reports what the client silently
 * tolerates: unknown fields (kept in {@code additionalProperties}), enum values outside the spec,
 * oneOf schemas that matched nothing ({@link UnparsedObject}) and models flagged {@code unparsed}.
 * The client's mapper accepts all of these, so plain deserialization is no validation.
 */
final class StrictModelValidator {

  private static final String MODEL_PACKAGE = "com.datadog.api.client";
  private static final int MAX_DEPTH = 60;
  private static final ClassValue<List<Method>> GETTERS =
      new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
          return java.util.Arrays.stream(type.getMethods())
              .filter(StrictModelValidator::isPropertyGetter)
              .toList();
        }
      };

  private StrictModelValidator() {}

  /** Problems with their JSON path; empty when the JSON is a clean instance of {@code model}. */
  static List<String> validate(JsonNode json, Class<?> model) {
    Object parsed;
    try {
      parsed = JSON.getDefault().getMapper().treeToValue(json, model);
    } catch (Exception e) {
      return List.of(
          "$: does not deserialize into " + model.getSimpleName() + ": " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    walk(parsed, "$", problems, 0);
    return problems;
  }

  private static void walk(Object value, String path, List<String> problems, int depth) {
    if (value == null || depth > MAX_DEPTH) return;
    switch (value) {
      case UnparsedObject u -> problems.add(path + ": matches no oneOf schema: " + u.getData());
      case AbstractOpenApiSchema s -> walk(s.getActualInstance(), path, problems, depth + 1);
      case ModelEnum<?> e when !e.isValid() ->
          problems.add(path + ": invalid enum value '" + e.getValue() + "'");
      case Collection<?> c -> {
        int i = 0;
        for (Object item : c) walk(item, path + "[" + i++ + "]", problems, depth + 1);
      }
      case Map<?, ?> m -> m.forEach((k, v) -> walk(v, path + "." + k, problems, depth + 1));
      default -> {
        if (value.getClass().getName().startsWith(MODEL_PACKAGE))
          walkModel(value, path, problems, depth);
      }
    }
  }

  private static void walkModel(Object model, String path, List<String> problems, int depth) {
    int before = problems.size();
    for (Method getter : GETTERS.get(model.getClass())) {
      Object child = invoke(getter, model);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> problems.add(path + "." + k + ": unknown field"));
        }
      } else {
        walk(child, path + "." + propertyName(getter), problems, depth + 1);
      }
    }
    if (problems.size() == before && isUnparsed(model)) {
      problems.add(path + ": flagged unparsed by the client");
    }
  }

  private static boolean isPropertyGetter(Method m) {
    return m.getParameterCount() == 0
        && !Modifier.isStatic(m.getModifiers())
        && m.getDeclaringClass().getName().startsWith(MODEL_PACKAGE)
        && (m.getName().startsWith("get") || m.getName().startsWith("is"))
        && !m.getName().equals("isUnparsed");
  }

  private static boolean isUnparsed(Object model) {
    try {
      return model.getClass().getField("unparsed").getBoolean(model);
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static String propertyName(Method getter) {
    String n = getter.getName().replaceFirst("^(get|is)", "");
    return n.isEmpty()
        ? n
        : n.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
