package io.strandsetl.agents.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a tool's input or output field (a record component) or a whole record in its JSON
 * schema. {@code unit} is appended to the description ("bytes", "USD", "ms"), so that a model or a
 * person calling the tool never has to guess whether a number is bytes or MiB.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER})
public @interface Description {
  String value();

  /** Unit of a number, e.g. {@code bytes}, {@code ms}, {@code USD}, {@code fraction 0-1}. */
  String unit() default "";

  /** True when the field may be left out (null); record components are required otherwise. */
  boolean optional() default false;

  /**
   * True for a value that may be personal data (a data subject's id): invocation summaries, which
   * are stored, show {@code ***} instead.
   */
  boolean sensitive() default false;
}
