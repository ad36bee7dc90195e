-- import-orders looks up which stored orders carry the file's trade numbers (one payment pays one order).
CREATE INDEX payment_order_trade_no_ix ON payment_order (trade_no);
