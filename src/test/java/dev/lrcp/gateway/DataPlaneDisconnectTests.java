package dev.lrcp.gateway;

import org.springframework.beans.factory.annotation.Autowired;

/** Every disconnect test, on the Netty data plane. */
class DataPlaneDisconnectTests extends ClientDisconnectTests {

  @Autowired DataPlaneServer dataPlane;

  @Override
  int gatewayPort() {
    return dataPlane.port();
  }
}
