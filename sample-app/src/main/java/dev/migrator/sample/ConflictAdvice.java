package dev.migrator.sample;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A constraint of the schema refused a write: the client's data conflicts with what is
 * stored.
 */
@RestControllerAdvice
public class ConflictAdvice {

	@ExceptionHandler(DataIntegrityViolationException.class)
	public ProblemDetail conflict() {
		// The database's message is not passed on: it can quote stored values.
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The database refused the write: the email is already in use, or the order's user does not exist.");
	}

}
