package com.example.orders;

import javax.jms.Message;
import javax.jms.MessageListener;

public class AuditListener implements MessageListener {
  @Override
  public void onMessage(Message message) { // relplan:finding
    System.out.println(message);
  }
}
