package dev.migrator.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WalPositionTests {

	private static final int BLOCK = 8192;

	private static final long SEGMENT = 16 * 1024 * 1024;

	@Test
	void parseAndToStringRoundTrip() {
		WalPosition position = WalPosition.parse("1A/2B3C4D58");
		assertThat(position.bytes()).isEqualTo(0x1A2B3C4D58L);
		assertThat(position).hasToString("1A/2B3C4D58");
	}

	@Test
	void positionAfterAShortPageHeaderMovesBackToThePageBoundary() {
		WalPosition afterHeader = new WalPosition(SEGMENT * 3 + BLOCK * 5 + 24);
		assertThat(afterHeader.backOverPageHeader(BLOCK, SEGMENT).bytes()).isEqualTo(SEGMENT * 3 + BLOCK * 5);
	}

	@Test
	void positionAfterASegmentsLongPageHeaderMovesBackToTheSegmentBoundary() {
		WalPosition afterHeader = new WalPosition(SEGMENT * 3 + 40);
		assertThat(afterHeader.backOverPageHeader(BLOCK, SEGMENT).bytes()).isEqualTo(SEGMENT * 3);
	}

	@Test
	void positionInsideAPageStaysPut() {
		WalPosition inside = new WalPosition(SEGMENT * 3 + BLOCK * 5 + 4000);
		assertThat(inside.backOverPageHeader(BLOCK, SEGMENT)).isEqualTo(inside);
	}

}
