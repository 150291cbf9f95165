package com.example.orders;

/** An annotation of the project's own that happens to share the name: not a Spring listener. */
public class LocalListener {
  @interface SqsListener {
    String value();
  }

  @SqsListener("not-a-queue")
  public void handle(String body) {
  }
}
