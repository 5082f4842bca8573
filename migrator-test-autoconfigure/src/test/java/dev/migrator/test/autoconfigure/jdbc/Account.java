package dev.migrator.test.autoconfigure.jdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of the table of revision 0001, with the column of revision 0002. */
@Table("accounts")
public record Account(@Id Integer id, String email, String displayName) {

}
