package org.lawline.channels.wechat;

import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads WeChat's XML and writes our replies. WeChat's messages are one {@code <xml>} element of
 * leaf elements (a few events nest one level more); that is all this reads, into a map of leaf
 * names to text.
 *
 * <p>A document type declaration is refused outright, so neither an external entity (XXE) nor an
 * entity expansion (billion laughs) is ever resolved: WeChat never sends one. The JDK's own StAX
 * parser is used on purpose, with DTDs and external entities off, whatever else is on the
 * classpath.
 */
final class WeChatXml {

    /** Deeper nesting or more elements than WeChat ever sends is an attack or garbage. */
    private static final int MAX_DEPTH = 4;
    private static final int MAX_ELEMENTS = 200;

    private static final XMLInputFactory FACTORY = hardenedFactory();

    private WeChatXml() {
    }

    /** Leaf element names to their text (first occurrence wins), as read from the document. */
    record Fields(Map<String, String> values) {
        Fields {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        Optional<String> get(String name) {
            String value = values.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        String getOrEmpty(String name) {
            return get(name).orElse("");
        }

        @Override
        public String toString() {
            // The values carry message text and openids: names only.
            return "Fields" + values.keySet();
        }
    }

    /**
     * @throws InvalidXml when the body is not a WeChat XML document, or declares a DTD
     */
    static Fields parse(byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            int depth = 0;
            int elements = 0;
            boolean sawRoot = false;
            StringBuilder text = new StringBuilder();
            boolean leaf = false;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new InvalidXml("document type declarations and entities are not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        elements++;
                        if (depth > MAX_DEPTH || elements > MAX_ELEMENTS) {
                            throw new InvalidXml("too deep or too many elements");
                        }
                        if (depth == 1) {
                            if (sawRoot) {
                                throw new InvalidXml("more than one root");
                            }
                            sawRoot = true;
                        }
                        text.setLength(0);
                        leaf = true;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (leaf) {
                            text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (leaf && depth > 1) {
                            values.putIfAbsent(reader.getLocalName(), text.toString());
                        }
                        leaf = false;
                        depth--;
                    }
                    default -> {
                        // comments, processing instructions: ignored
                    }
                }
            }
            if (!sawRoot) {
                throw new InvalidXml("no root element");
            }
            return new Fields(values);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof InvalidXml invalid) {
                throw invalid;
            }
            // The parser's message may quote the input: keep only its kind.
            throw new InvalidXml("not well-formed XML (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the byte array
                }
            }
        }
    }

    /** The fields as a WeChat XML document again, which {@link #parse} reads back as the same fields. */
    static String write(Fields fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        // the names were element names of a document we parsed: valid element names again
        fields.values().forEach((name, value) -> xml.append('<').append(name).append('>').append(cdata(value)).append("</").append(name).append('>'));
        return xml.append("</xml>").toString();
    }

    /** A passive text reply, from our account to the citizen. */
    static String textReply(String toUser, String fromUser, long createTime, String content) {
        return "<xml><ToUserName>" + cdata(toUser) + "</ToUserName><FromUserName>" + cdata(fromUser)
                + "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>"
                + cdata(content) + "</Content></xml>";
    }

    /** The envelope of an encrypted reply (safe mode). */
    static String encryptedReply(String encrypted, String msgSignature, long timestamp, String nonce) {
        return "<xml><Encrypt>" + cdata(encrypted) + "</Encrypt><MsgSignature>" + cdata(msgSignature)
                + "</MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce>" + cdata(nonce) + "</Nonce></xml>";
    }

    /** A CDATA section for any text: a "]]>" inside is split across two sections. */
    static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /** The body is not XML we accept; the message never quotes it. */
    static final class InvalidXml extends RuntimeException {
        InvalidXml(String reason) {
            super(reason, null, false, false);
        }
    }
}
