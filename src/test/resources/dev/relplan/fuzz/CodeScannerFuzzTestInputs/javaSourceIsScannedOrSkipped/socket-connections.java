package a;

import java.net.*;

class Relay {
  private final Socket kept = new Socket("ledger.internal", 9000);

  void send(Socket given, InetSocketAddress to) throws Exception {
    Socket s = new Socket();
    s.setSoTimeout(0);
    s.connect(new InetSocketAddress("ledger.internal", 9000), 1000);
    given.connect(to);
    new Socket().connect(to, TIMEOUT);
  }
}
