package org.everseed.domain.model.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasskeyTest {
  static final String KEY = "0123456789abcdef0123456789abcdef";

  @Test
  void thirtyTwoLowerCaseHexCharacters() {
    assertEquals(KEY, Passkey.of(KEY).value());
    assertTrue(Passkey.parse(KEY.toUpperCase()).isEmpty());
    assertTrue(Passkey.parse(KEY.substring(1)).isEmpty());
    assertTrue(Passkey.parse(KEY + "0").isEmpty());
    assertTrue(Passkey.parse("g" + KEY.substring(1)).isEmpty());
    assertTrue(Passkey.parse(null).isEmpty());
  }

  @Test
  void equalityByValueAndNeverPrintedWhole() {
    assertEquals(Passkey.of(KEY), Passkey.of(new String(KEY.toCharArray())));
    assertNotEquals(Passkey.of(KEY), Passkey.of(KEY.replace('f', 'e')));
    assertFalse(Passkey.of(KEY).toString().contains(KEY.substring(4)));
  }

  @Test
  void generatedPasskeysParseBackAndDiffer() {
    Passkey one = Passkey.generate();
    assertEquals(one, Passkey.of(one.value()));
    assertNotEquals(one, Passkey.generate());
  }
}
