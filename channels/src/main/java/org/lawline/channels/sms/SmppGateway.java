package org.lawline.channels.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.lawline.channels.delivery.PartLimit;
import org.lawline.channels.delivery.PartSplitter;
import org.lawline.channels.delivery.PlatformAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A gateway bound to an operator's SMSC over SMPP 3.4, with jSMPP, whose types stay in here. One
 * transceiver bind carries both ways: {@code submit_sm} out, {@code deliver_sm} in, for citizens'
 * messages and for delivery receipts alike (a receipt's {@code esm_class} says so). A message is
 * sent as one concatenated message: UCS-2, cut into 67-character segments joined by a UDH, so the
 * phone shows it whole. {@code enquire_link} keeps an idle link alive; a lost link or a failed
 * bind is tried again after a wait that doubles up to a ceiling, and meanwhile parts wait (the
 * outbox holds them back) instead of failing. {@code ESME_RTHROTTLED} is waited out, never a drop.
 * Thread safe.
 */
final class SmppGateway implements SmsGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);

    /** Where what the SMSC delivers goes. */
    interface Receiver {
        /** @throws RuntimeException when it could not be kept: the SMSC is told to deliver it again */
        void message(String gateway, PushItems.MobileOriginated message);

        void receipt(String gateway, PushItems.DeliveryReceipt receipt);
    }

    /** Segments one message may take; beyond that it is recorded as several messages. */
    static final int MAX_SEGMENTS = 8;
    /** UCS-2 (data_coding 8): what Chinese text needs. */
    private static final byte UCS2 = 0x08;
    /** esm_class bit 6: the short message starts with a user data header. */
    private static final byte UDHI = 0x40;
    /** submit_sm calls for one segment while the SMSC keeps answering ESME_RTHROTTLED. */
    private static final int THROTTLED_TRIES = 6;

    private final String name;
    private final SmsSettings.Smsc settings;
    private final JsonMapper json;
    private final Duration throttleWait;
    private final ScheduledExecutorService linker;
    private final AtomicInteger reference = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
    private volatile SMPPSession session;
    private volatile Receiver receiver;
    private volatile boolean closed;
    private int failedBinds;

    SmppGateway(String name, SmsSettings.Smsc settings, JsonMapper json, Duration throttleWait) {
        this.name = name;
        this.settings = settings;
        this.json = json;
        this.throttleWait = throttleWait;
        this.linker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "smpp-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Binds in the background, and binds again whenever the link is lost, until closed. */
    void start(Receiver receiver) {
        this.receiver = receiver;
        linker.execute(this::bind);
    }

    @Override
    public String name() {
        return name;
    }

    boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    @Override
    public Optional<Instant> notReadyUntil(Instant now) {
        return isBound() ? Optional.empty() : Optional.of(now.plus(settings.reconnectMin()));
    }

    @Override
    public List<String> split(String text) {
        int most = MAX_SEGMENTS * CarrierParts.PART;
        return text.length() <= most ? List.of(text) : PartSplitter.split(text, PartLimit.characters(most));
    }

    @Override
    public PlatformAnswer send(String phoneNumber, String text, String outId) {
        SMPPSession current = session;
        if (current == null || !current.getSessionState().isBound()) {
            return new PlatformAnswer.Failed("the link to the SMSC of " + name + " is down");
        }
        List<byte[]> segments = segments(text);
        String messageId = null;
        for (byte[] segment : segments) {
            try {
                messageId = submit(current, phoneNumber, segment, segments.size() > 1);
            } catch (NegativeResponseException e) {
                return new PlatformAnswer.Failed("SMSC command_status 0x" + Integer.toHexString(e.getCommandStatus()));
            } catch (ResponseTimeoutException e) {
                return new PlatformAnswer.Failed("SMSC did not answer submit_sm in " + settings.responseTimeout());
            } catch (PDUException | InvalidResponseException | IOException e) {
                return new PlatformAnswer.Failed("SMSC link failed (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new PlatformAnswer.Failed("interrupted before the SMSC answered");
            }
        }
        // the last segment's id: its receipt tells whether the whole message reached the phone
        return new PlatformAnswer.Accepted(Optional.ofNullable(messageId));
    }

    /** One segment, slowed down (never dropped) while the SMSC answers ESME_RTHROTTLED. */
    private String submit(SMPPSession current, String phoneNumber, byte[] segment, boolean concatenated)
            throws PDUException, ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException,
            InterruptedException {
        Duration wait = throttleWait;
        for (int tries = 1; ; tries++) {
            try {
                return current.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, settings.sourceAddress(),
                        TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, phoneNumber,
                        new ESMClass(concatenated ? UDHI : 0), (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, segment).getMessageId();
            } catch (NegativeResponseException e) {
                if (e.getCommandStatus() != SMPPConstant.STAT_ESME_RTHROTTLED || tries == THROTTLED_TRIES) {
                    throw e;
                }
                log.info("SMSC of {} throttles: waiting {} before the next submit_sm", name, wait);
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2);
            }
        }
    }

    /**
     * The text as UCS-2 short messages: one of up to 70 characters as it is; a longer one in
     * segments of 67, each after the 6-byte header (IEI 00, length 03, reference, total, number)
     * that lets the phone join them. A surrogate pair is never cut.
     */
    List<byte[]> segments(String text) {
        if (text.length() <= CarrierParts.SINGLE) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> pieces = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = Math.min(text.length(), start + CarrierParts.PART);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        byte ref = (byte) reference.incrementAndGet();
        List<byte[]> segments = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            byte[] body = pieces.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] segment = new byte[6 + body.length];
            segment[0] = 0x05;
            segment[1] = 0x00;
            segment[2] = 0x03;
            segment[3] = ref;
            segment[4] = (byte) pieces.size();
            segment[5] = (byte) (i + 1);
            System.arraycopy(body, 0, segment, 6, body.length);
            segments.add(segment);
        }
        return segments;
    }

    private void bind() {
        if (closed) {
            return;
        }
        SMPPSession candidate = new SMPPSession();
        candidate.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
        candidate.setTransactionTimer(settings.responseTimeout().toMillis());
        candidate.setMessageReceiverListener(new Deliveries());
        try {
            candidate.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(),
                    settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        } catch (IOException e) {
            candidate.close();
            failedBinds++;
            Duration wait = backoff();
            log.warn("SMPP gateway {} could not bind ({}); trying again in {}", name, e.getClass().getSimpleName(), wait);
            linker.schedule(this::bind, wait.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        failedBinds = 0;
        candidate.addSessionStateListener((newState, oldState, source) -> {
            if (oldState.isBound() && !newState.isBound()) {
                lost(source);
            }
        });
        session = candidate;
        log.info("SMPP gateway {} bound to its SMSC as a transceiver", name);
    }

    private void lost(Session source) {
        if (closed || source != session) {
            return;
        }
        session = null;
        log.warn("SMPP gateway {} lost its link; binding again in {}", name, settings.reconnectMin());
        linker.schedule(this::bind, settings.reconnectMin().toMillis(), TimeUnit.MILLISECONDS);
    }

    private Duration backoff() {
        Duration wait = settings.reconnectMin().multipliedBy(1L << Math.min(failedBinds - 1, 16));
        return wait.compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : wait;
    }

    @Override
    public void close() {
        closed = true;
        linker.shutdownNow();
        SMPPSession current = session;
        if (current != null) {
            current.unbindAndClose();
        }
    }

    /** deliver_sm: a receipt when its esm_class says so, a citizen's message otherwise. */
    private final class Deliveries implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            Receiver to = receiver;
            if (to == null) {
                throw new ProcessRequestException("not ready", SMPPConstant.STAT_ESME_RX_T_APPN);
            }
            try {
                if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                    receipt(deliverSm).ifPresent(receipt -> to.receipt(name, receipt));
                } else {
                    message(deliverSm).ifPresent(message -> to.message(name, message));
                }
            } catch (RuntimeException e) {
                // not kept (the database away): the SMSC delivers it again later
                log.warn("A deliver_sm on {} could not be kept: {}", name, e.getClass().getSimpleName());
                throw new ProcessRequestException("not kept", SMPPConstant.STAT_ESME_RX_T_APPN);
            }
        }

        private Optional<PushItems.DeliveryReceipt> receipt(DeliverSm deliverSm) {
            DeliveryReceipt receipt;
            try {
                receipt = deliverSm.getShortMessageAsDeliveryReceipt();
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("An unreadable delivery receipt on {} was dropped", name);
                return Optional.empty();
            }
            ObjectNode item = json.createObjectNode();
            item.put("phone_number", deliverSm.getSourceAddr());
            item.put("success", receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD);
            item.put("err_code", receipt.getError());
            item.put("err_msg", String.valueOf(receipt.getFinalStatus()));
            item.put("biz_id", receipt.getId());
            return PushItems.receipt(item);
        }

        private Optional<PushItems.MobileOriginated> message(DeliverSm deliverSm) {
            byte[] bytes = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
            int start = (deliverSm.getEsmClass() & UDHI) != 0 && bytes.length > 0 ? (bytes[0] & 0xff) + 1 : 0;
            String text = (deliverSm.getDataCoding() & 0x0f) == UCS2
                    ? new String(bytes, start, Math.max(0, bytes.length - start), StandardCharsets.UTF_16BE)
                    : new String(bytes, start, Math.max(0, bytes.length - start), StandardCharsets.ISO_8859_1);
            ObjectNode item = json.createObjectNode();
            item.put("phone_number", deliverSm.getSourceAddr());
            item.put("content", text);
            item.put("dest_code", deliverSm.getDestAddress());
            // deliver_sm has no id of its own: a redelivery in the same session repeats its sequence number
            item.put("send_time", "smpp " + deliverSm.getSequenceNumber());
            return PushItems.message(item);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
