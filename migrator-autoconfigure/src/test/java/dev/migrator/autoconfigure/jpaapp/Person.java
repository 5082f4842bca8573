package dev.migrator.autoconfigure.jpaapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the table the revision {@code 0001_create_people} creates. */
@Entity
@Table(name = "people")
public class Person {

	@Id
	private Integer id;

	private String name;

	protected Person() {
	}

	public Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
