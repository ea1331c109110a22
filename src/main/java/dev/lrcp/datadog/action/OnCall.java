package dev.lrcp.datadog.action;

import static dev.lrcp.datadog.action.DatadogCall.call;

import com.datadog.api.client.v2.api.OnCallApi;
import com.datadog.api.client.v2.api.OnCallPagingApi;
import com.datadog.api.client.v2.model.CreatePageRequest;
import com.datadog.api.client.v2.model.CreatePageRequestData;
import com.datadog.api.client.v2.model.CreatePageRequestDataAttributes;
import com.datadog.api.client.v2.model.CreatePageRequestDataAttributesTarget;
import com.datadog.api.client.v2.model.CreatePageRequestDataType;
import com.datadog.api.client.v2.model.OnCallPageTargetType;
import com.datadog.api.client.v2.model.PageUrgency;
import com.datadog.api.client.v2.model.ShiftIncluded;
import dev.lrcp.incident.Incident;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Datadog On-Call: page a team through the paging API, and who is on call for a schedule. */
final class OnCall {

  private final DatadogApis apis;

  OnCall(DatadogApis apis) {
    this.apis = apis;
  }

  /** A page to send; {@code incident} adds its evidence, runbook, links and tags. */
  record Page(String team, boolean urgent, String title, String description, Incident incident) {}

  record Paged(String pageId, String team, String urgency, String title) {}

  record OnCallNow(
      String scheduleId,
      String userId,
      String name,
      String email,
      OffsetDateTime start,
      OffsetDateTime end) {}

  Paged page(Page page) {
    var api = new OnCallPagingApi(apis.onCall());
    String title = page.title() != null ? page.title() : title(page.incident());
    var attributes =
        new CreatePageRequestDataAttributes()
            .title(title.length() > 250 ? title.substring(0, 250) : title)
            .description(description(page))
            .urgency(page.urgent() ? PageUrgency.HIGH : PageUrgency.LOW)
            .target(
                new CreatePageRequestDataAttributesTarget()
                    .type(OnCallPageTargetType.TEAM_HANDLE)
                    .identifier(page.team()))
            .tags(tags(page.incident()));
    var request =
        new CreatePageRequest()
            .data(
                new CreatePageRequestData()
                    .type(CreatePageRequestDataType.PAGES)
                    .attributes(attributes));
    String id =
        call("page team " + page.team(), () -> api.createOnCallPage(request).getData().getId());
    return new Paged(id, page.team(), page.urgent() ? "high" : "low", title);
  }

  OnCallNow current(String scheduleId) {
    var api = new OnCallApi(apis.api());
    var shift =
        call(
            "read who is on call for schedule " + scheduleId,
            () ->
                api.getScheduleOnCallUser(
                    scheduleId,
                    new OnCallApi.GetScheduleOnCallUserOptionalParameters().include("user")));
    if (shift == null || shift.getData() == null) {
      throw DatadogFailure.notFound("nobody is on call for schedule " + scheduleId + " right now");
    }
    var data = shift.getData();
    String userId =
        data.getRelationships() == null || data.getRelationships().getUser() == null
            ? null
            : data.getRelationships().getUser().getData().getId();
    var user =
        shift.getIncluded() == null
            ? null
            : shift.getIncluded().stream()
                .map(ShiftIncluded::getActualInstance)
                .filter(com.datadog.api.client.v2.model.ScheduleUser.class::isInstance)
                .map(com.datadog.api.client.v2.model.ScheduleUser.class::cast)
                .filter(u -> userId == null || userId.equals(u.getId()))
                .findFirst()
                .orElse(null);
    var attributes = user == null ? null : user.getAttributes();
    return new OnCallNow(
        scheduleId,
        userId,
        attributes == null ? null : attributes.getName(),
        attributes == null ? null : attributes.getEmail(),
        data.getAttributes() == null ? null : data.getAttributes().getStart(),
        data.getAttributes() == null ? null : data.getAttributes().getEnd());
  }

  static String title(Incident i) {
    return "[" + i.severity() + "] " + i.title();
  }

  private String description(Page page) {
    Incident i = page.incident();
    var text = new StringBuilder(page.description() == null ? "" : page.description());
    if (i != null) {
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      text.append(RcaText.evidence(i, apis.account().appUrl()))
          .append('\n')
          .append(RcaText.runbook(i));
      text.append("\nIncident ")
          .append(i.id())
          .append(" (GET /incidents/")
          .append(i.id())
          .append(')');
    }
    return text.toString();
  }

  private List<String> tags(Incident i) {
    var tags =
        new ArrayList<>(
            List.of("service:" + apis.account().service(), "env:" + apis.account().env()));
    if (i != null) {
      tags.add("incident_id:" + i.id());
      tags.add("rule:" + i.rule());
      tags.add("severity:" + i.severity());
    }
    return tags;
  }
}
