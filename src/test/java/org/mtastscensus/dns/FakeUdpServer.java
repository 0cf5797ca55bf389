package org.mtastscensus.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.function.Function;
import org.xbill.DNS.Message;

/** A scripted UDP peer on 127.0.0.1: for each query, the responder returns the datagrams to send back, in order. */
final class FakeUdpServer implements AutoCloseable {
  private final DatagramChannel channel;
  private final Thread thread;

  FakeUdpServer(Function<Message, List<byte[]>> responder) throws IOException {
    channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    thread =
        new Thread(
            () -> {
              ByteBuffer buffer = ByteBuffer.allocate(65535);
              while (channel.isOpen()) {
                try {
                  buffer.clear();
                  SocketAddress client = channel.receive(buffer);
                  byte[] wire = new byte[buffer.position()];
                  buffer.flip().get(wire);
                  for (byte[] reply : responder.apply(new Message(wire))) {
                    channel.send(ByteBuffer.wrap(reply), client);
                  }
                } catch (IOException e) {
                  return;
                }
              }
            },
            "fake-udp-dns");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
