package com.example.billing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

public class InvoiceHandler implements RequestHandler<SQSEvent, Void> {
  @Override
  public Void handleRequest(SQSEvent event, Context context) { // relplan:finding
    event.getRecords().forEach(m -> send(m.getBody()));
    return null;
  }

  private void send(String body) {
  }
}
