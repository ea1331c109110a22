package dev.lrcp.datadog.action;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;

/** A web slice with every {@code /datadog/*} controller, the real clients and their problems. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(
    controllers = {
      NotebookController.class,
      SyntheticsController.class,
      OnCallController.class,
      WorkflowController.class,
      LogPipelineController.class,
      CiController.class,
      ErrorTrackingController.class,
      ProductsController.class,
      ReplacedRoutes.class
    })
@Import({ActionSlice.Config.class, ActionProblems.class})
@interface ActionSliceTest {}
