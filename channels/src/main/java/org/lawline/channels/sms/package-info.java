/**
 * The SMS channel: gateways modelled on Aliyun SMS ({@code dysmsapi}). Sending is
 * {@code SendSms} by the reply template, signed with the access key (Aliyun's HMAC-SHA1 RPC
 * signature, {@code AliyunSignature}), one call per part as the carriers count parts (70
 * characters alone, 67 a part of a long message), paced per gateway, under a daily cap per
 * number; {@code SmsPlatform} is this channel's part of the delivery SPI. Citizens' messages and
 * delivery receipts arrive as batched JSON pushes at {@code /sms/{gateway}/inbound} and
 * {@code /sms/{gateway}/receipts}, guarded by a token in the URL, claimed once each through the
 * shared delivery ({@link org.lawline.channels.delivery}) and processed on the channel's workers;
 * what an instance leaves unfinished the reconciler finishes ({@code SmsStrandedItems}). TD / 退订
 * / T / R stop publicity, 订阅 / 恢复 resume it. The citizen's identity is the number, masked
 * wherever it is logged.
 */
package org.lawline.channels.sms;
