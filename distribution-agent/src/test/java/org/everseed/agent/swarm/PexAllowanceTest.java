package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PexAllowanceTest {

  static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  @Test
  void fiftyPerMessageAndAHundredPerMinute() {
    PexAllowance allowance = new PexAllowance();
    assertEquals(50, allowance.budget(0));
    allowance.took(50);
    assertEquals(50, allowance.budget(1));
    allowance.took(30);
    assertEquals(20, allowance.budget(2));
    allowance.took(20);
    assertEquals(0, allowance.budget(MINUTE - 1), "the minute's budget is spent");
    assertEquals(50, allowance.budget(MINUTE), "a new minute");
  }
}
