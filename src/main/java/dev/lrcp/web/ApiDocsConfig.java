package dev.lrcp.web;

import dev.lrcp.completion.CallContext;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI description at {@code /openapi.json}: service info, the two key schemes, and, on
 * every operation that takes a {@link CallContext}, the four toggles and the problem responses.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallContext.class);
  }

  private static final Map<String, String> TOGGLES =
      Map.of(
          Toggles.LATENCY, "Adds upstream delay",
          Toggles.RETRY, "First attempt fails with a retryable error; the retry policy recovers",
          Toggles.BAD_PROMPT, "The call ends in a safety block",
          Toggles.LONG_CONTEXT, "The prompt is really lengthened (tokens and cost grow)");

  private static final List<ProblemKind> CALL_PROBLEMS =
      List.of(
          ProblemKind.VALIDATION,
          ProblemKind.UNAUTHORIZED,
          ProblemKind.PAYLOAD_TOO_LARGE,
          ProblemKind.UNSUPPORTED_MEDIA_TYPE,
          ProblemKind.BLOCKED_BY_POLICY,
          ProblemKind.UPSTREAM_RATE_LIMITED,
          ProblemKind.UPSTREAM_ERROR,
          ProblemKind.UPSTREAM_UNAVAILABLE,
          ProblemKind.UPSTREAM_TIMEOUT);

  @Bean
  OpenAPI controlPlaneOpenApi(Environment environment) {
    return new OpenAPI()
        .info(
            new Info()
                .title("LLM Reliability Control Plane")
                .version(environment.getProperty("spring.application.version", "dev"))
                .description(
                    "Measures every LLM call. Errors are RFC 9457 problems with type"
                        + " urn:lrcp:problem:<kind>.")
                .license(new License().name("MIT")))
        .components(
            new Components()
                .addSchemas("Problem", problemSchema())
                .addSecuritySchemes(
                    "bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")))
        .security(
            List.of(
                new SecurityRequirement().addList("bearer"),
                new SecurityRequirement().addList("apiKey")));
  }

  @Bean
  OperationCustomizer callContextDocs() {
    return (operation, handler) -> {
      boolean takesContext =
          Arrays.stream(handler.getMethodParameters())
              .anyMatch(p -> p.getParameterType() == CallContext.class);
      if (takesContext) {
        TOGGLES.keySet().stream()
            .sorted()
            .forEach(name -> operation.addParametersItem(toggle(name)));
        CALL_PROBLEMS.forEach(kind -> addProblem(operation, kind));
      }
      return operation;
    };
  }

  private static Parameter toggle(String name) {
    return new Parameter()
        .name(name)
        .in("query")
        .required(false)
        .description(TOGGLES.get(name) + ". Accepts " + Toggles.ACCEPTED + ".")
        .schema(new BooleanSchema()._default(false));
  }

  private static void addProblem(Operation operation, ProblemKind kind) {
    String code = String.valueOf(kind.status());
    var example =
        new Example()
            .value(
                Map.of(
                    "type", kind.type().toString(),
                    "title", kind.title(),
                    "status", kind.status()));
    ApiResponse existing = operation.getResponses().get(code);
    MediaType media =
        existing != null && existing.getContent() != null
            ? existing.getContent().get("application/problem+json")
            : null;
    if (media == null) {
      media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
      operation
          .getResponses()
          .addApiResponse(
              code,
              new ApiResponse()
                  .description(kind.title())
                  .content(new Content().addMediaType("application/problem+json", media)));
    }
    media.addExamples(kind.slug(), example);
  }

  private static Schema<?> problemSchema() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("type", new StringSchema().example("urn:lrcp:problem:upstream-timeout"));
    properties.put("title", new StringSchema().example("Upstream timeout"));
    properties.put("status", new IntegerSchema().example(504));
    properties.put("detail", new StringSchema());
    properties.put("instance", new StringSchema().example("/qa"));
    properties.put("prompt_id", new StringSchema().description("Set when a model call was made"));
    return new ObjectSchema().description("RFC 9457 problem").properties(properties);
  }
}
