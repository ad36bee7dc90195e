package dev.superapp.batch.platform.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.platform.TradeDetail;
import org.junit.jupiter.api.Test;

class PaymentResultCodeTest {

    @Test
    void carriesTheSeedsCodesNamesAndMeanings() {
        assertThat(PaymentResultCode.CODE_SUCCESS.describe()).isEqualTo("9000 PAY_SUCCESS (the payment has succeeded)");
        assertThat(PaymentResultCode.CODE_PENDING.code()).isEqualTo(8000);
        assertThat(PaymentResultCode.CODE_FAILURE.underlyingName()).isEqualTo("PAY_FAILURE");
        assertThat(PaymentResultCode.CODE_USER_CANCEL.code()).isEqualTo(6001);
    }

    @Test
    void isFoundByNumberByResultCodeOrByUnderlyingName() {
        assertThat(PaymentResultCode.of("9000")).contains(PaymentResultCode.CODE_SUCCESS);
        assertThat(PaymentResultCode.of("CODE_USER_CANCEL")).contains(PaymentResultCode.CODE_USER_CANCEL);
        assertThat(PaymentResultCode.of(" PAY_PENDING ")).contains(PaymentResultCode.CODE_PENDING);
        assertThat(PaymentResultCode.of("1234")).isEmpty();
        assertThat(PaymentResultCode.of(null)).isEmpty();
    }

    @Test
    void saysWhichTransactionStatusMeansTheSame() {
        assertThat(PaymentResultCode.CODE_SUCCESS.transactionStatus()).isEqualTo(TradeDetail.SUCCEEDED);
        assertThat(PaymentResultCode.CODE_PENDING.transactionStatus()).isEqualTo(TradeDetail.PROCESSING);
        assertThat(PaymentResultCode.CODE_FAILURE.transactionStatus()).isEqualTo(TradeDetail.FAILED);
        assertThat(PaymentResultCode.CODE_USER_CANCEL.transactionStatus()).isEqualTo(TradeDetail.CANCELED);
    }
}
