package org.everseed.infrastructure.persistence.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.everseed.api.metainfo.InfoHash;

/**
 * Stores an {@link InfoHash} as its 40 lower-case hex digits, the form the tracker's and the audit
 * trail's tables and the payload store's folder names use too.
 */
@Converter(autoApply = true)
public class InfoHashColumn implements AttributeConverter<InfoHash, String> {
  @Override
  public String convertToDatabaseColumn(InfoHash infoHash) {
    return infoHash == null ? null : infoHash.toHex();
  }

  @Override
  public InfoHash convertToEntityAttribute(String hex) {
    return hex == null ? null : InfoHash.fromHex(hex);
  }
}
