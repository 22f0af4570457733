package org.lawline.channels.sms;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.EnquireLink;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * jSMPP's own server side as the operator's SMSC, in this JVM on a free port: it accepts
 * transceiver binds, answers {@code submit_sm} with a message id (or {@code ESME_RTHROTTLED} as
 * often as a test says), counts {@code enquire_link}s, and delivers messages and receipts.
 */
final class InProcessSmsc implements AutoCloseable {

    final List<SubmitSm> submitted = new CopyOnWriteArrayList<>();
    final List<BindType> binds = new CopyOnWriteArrayList<>();
    final AtomicInteger enquireLinks = new AtomicInteger();
    final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    private volatile SMPPServerSession current;
    private volatile boolean closed;

    InProcessSmsc() throws IOException {
        int port;
        // jSMPP's listener reports 0 for an ephemeral port: pick a free one ourselves
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        acceptor = new Thread(this::acceptForever, "smsc-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getPort();
    }

    boolean hasBoundSession() {
        SMPPServerSession session = current;
        return session != null && session.getSessionState().isBound();
    }

    /** Drops the link as a failing network or a restarting SMSC would. */
    void dropLink() {
        SMPPServerSession session = current;
        current = null;
        if (session != null) {
            session.close();
        }
    }

    /** A citizen's message, UCS-2, as the SMSC delivers it. */
    void deliverMessage(String from, String text) throws Exception {
        current.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12348", new ESMClass(), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_UCS2), text.getBytes(StandardCharsets.UTF_16BE));
    }

    /** A delivery receipt in the SMPP 3.4 appendix B form, esm_class "SMSC delivery receipt". */
    void deliverReceipt(String from, String messageId, String stat, String err) throws Exception {
        String receipt = "id:" + messageId + " sub:001 dlvrd:001 submit date:2612041200 done date:2612041201 stat:" + stat
                + " err:" + err + " text:";
        current.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12348", new ESMClass(MessageType.SMSC_DEL_RECEIPT.value()),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                receipt.getBytes(StandardCharsets.US_ASCII));
    }

    private void acceptForever() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5_000);
                binds.add(bind.getBindType());
                bind.accept("smsc");
                current = session;
            } catch (IOException | PDUStringException | java.util.concurrent.TimeoutException | RuntimeException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        dropLink();
        listener.close();
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            submitted.add(submitSm);
            try {
                return new SubmitSmResult(new MessageId(Integer.toString(ids.incrementAndGet())), null);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("bad id", SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public void onAcceptEnquireLink(EnquireLink enquireLink, Session source) {
            enquireLinks.incrementAndGet();
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
