package dev.keyfence.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.Control;
import dev.keyfence.Reason;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Control} is the one declaration of the evaluation order; the reasons and the checks follow it. */
class CheckOrderTest {

    @Test
    void everyReasonHasExactlyOneControl() {
        for (Reason reason : Reason.values()) {
            List<Control> owners = Arrays.stream(Control.values())
                    .filter(c -> c.reasons().contains(reason))
                    .toList();
            assertThat(owners).as("controls rejecting with %s", reason).hasSize(1);
            assertThat(Control.of(reason)).isEqualTo(owners.get(0));
        }
    }

    @Test
    void controlReasonsInOrderAreExactlyTheContractsReasonsInOrder() {
        List<Reason> flattened = Arrays.stream(Control.values())
                .flatMap(c -> c.reasons().stream())
                .toList();
        assertThat(flattened).containsExactly(Reason.values());
    }

    @Test
    void everyControlRejectsWithAtLeastOneReason() {
        assertThat(Control.values()).allSatisfy(c -> assertThat(c.reasons()).isNotEmpty());
    }

    @Test
    void checksRunInControlOrderOnePerControlButTokenShape() {
        List<Control> expected = Arrays.stream(Control.values())
                .filter(c -> c != Control.TOKEN_SHAPE)
                .toList();
        assertThat(Checks.all()).extracting(Check::control).containsExactlyElementsOf(expected);
        assertThat(Checks.checkOf(Control.TOKEN_SHAPE)).isEmpty();
        for (Control c : expected) {
            assertThat(Checks.checkOf(c))
                    .hasValueSatisfying(check -> assertThat(check.control()).isEqualTo(c));
        }
    }

    @Test
    void onlyKeepsControlOrderWhateverTheSetsOrder() {
        EnumSet<Control> some = EnumSet.of(Control.TOKEN_BINDING, Control.ISSUER, Control.SIGNATURE, Control.KEY_SCOPE);
        assertThat(Checks.only(some))
                .extracting(Check::control)
                .containsExactly(Control.ISSUER, Control.KEY_SCOPE, Control.SIGNATURE, Control.TOKEN_BINDING);
    }

    @Test
    void isBeforeFollowsTheDeclarationAndIsStrict() {
        Control[] all = Control.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = 0; j < all.length; j++) {
                assertThat(all[i].isBefore(all[j]))
                        .as("%s before %s", all[i], all[j])
                        .isEqualTo(i < j);
            }
        }
        assertThat(Control.KEY_LOOKUP.isBefore(Control.of(Reason.KEY_NOT_FOUND)))
                .isFalse();
        assertThat(Control.KEY_LOOKUP.isBefore(Control.of(Reason.KEYS_UNAVAILABLE)))
                .isFalse();
        assertThat(Control.KEY_LOOKUP.isBefore(Control.of(Reason.KEY_ISSUER_MISMATCH)))
                .isTrue();
    }

    @Test
    void controlOfNullIsRefused() {
        assertThatThrownBy(() -> Control.of(null)).isInstanceOf(NullPointerException.class);
    }
}
