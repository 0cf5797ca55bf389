/**
 * A self-contained world of policy hosts on 127.0.0.1 for tests and demos: {@link
 * org.mtastscensus.sandbox.TestCa} issues a certificate for every certificate failure, {@link
 * org.mtastscensus.sandbox.SandboxHttpsServer} plays any number of hosts on one port (chosen by SNI), each with a
 * {@link org.mtastscensus.sandbox.Behaviour} for one way a real host answers or fails. Nothing here touches the
 * network beyond loopback.
 */
package org.mtastscensus.sandbox;
