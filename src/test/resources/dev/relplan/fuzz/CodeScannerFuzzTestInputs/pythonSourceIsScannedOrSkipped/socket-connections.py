import socket
from socket import create_connection

def send(payload, host, **kw):
    with create_connection((host, 9000), **kw) as conn:
        conn.settimeout(None)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(True)
    s.connect(("ledger.internal", 9000))
    s.settimeout(2)
    t = socket.socket(family=socket.AF_UNIX)
    t.connect_ex("/run/x.sock")
