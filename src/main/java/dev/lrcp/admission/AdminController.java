package dev.lrcp.admission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API ({@code Authorization: Bearer $LRCP_ADMIN_KEY}, checked by the access filter):
 * virtual keys and application limits.
 */
@RestController
@RequestMapping("/admin")
@Tag(name = "admin")
class AdminController {

  private final KeyAdmin admin;

  AdminController(KeyAdmin admin) {
    this.admin = admin;
  }

  @Operation(summary = "Create a virtual key; the key is in this answer only")
  @PostMapping("/keys")
  @ResponseStatus(HttpStatus.CREATED)
  KeyView create(@Valid @RequestBody KeyRequest body) {
    return admin.create(body);
  }

  @GetMapping("/keys")
  List<KeyView> list() {
    return admin.list();
  }

  @GetMapping("/keys/{id}")
  KeyView get(@PathVariable String id) {
    return admin.get(id);
  }

  @Operation(summary = "Replace a key's policy (its secret stays)")
  @PutMapping("/keys/{id}")
  KeyView update(@PathVariable String id, @Valid @RequestBody KeyRequest body) {
    return admin.update(id, body);
  }

  @PostMapping("/keys/{id}/revoke")
  KeyView revoke(@PathVariable String id) {
    return admin.revoke(id);
  }

  @Operation(summary = "Issue a new secret for a key; the old one stops working")
  @PostMapping("/keys/{id}/rotate")
  KeyView rotate(@PathVariable String id) {
    return admin.rotate(id);
  }

  @Operation(summary = "Set an application's budgets and rate limits")
  @PutMapping("/applications/{application}")
  Map<String, Object> putApplication(
      @PathVariable String application, @Valid @RequestBody LimitsRequest body) {
    admin.putApplication(application, body);
    return Map.of("application", application, "limits", body);
  }

  @DeleteMapping("/applications/{application}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteApplication(@PathVariable String application) {
    admin.deleteApplication(application);
  }
}
