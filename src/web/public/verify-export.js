/*
 * The check of a case export in the browser (docs/web.md, "Verify a case"): the same
 * algorithm as `npm run ledger -- verify-export` (src/ledger/case-export.ts), on WebCrypto.
 *
 *   chain:  hash(n) = SHA-256(hash(n-1) ‖ JCS({ data, id, metadata, revision, stream, type })),
 *           32 zero bytes before revision 0 (src/event-store/hashing.ts);
 *   seal:   its own chain hash recomputed from its content, its Ed25519 signature over
 *           ["LedgerSealed/v1", sealedThroughPosition, treeSize, rootHash, previousSealHash, sealedAt]
 *           under one of the ledger's public keys (src/ledger/seal-signing.ts);
 *   proofs: RFC 9162 inclusion of SHA-256(0x00 ‖ chain hash) under the seal's root, one for
 *           every event the seal covers (src/ledger/merkle.ts, proofs.ts).
 *
 * The verdict has the shape of ExportVerdict, so test/web/verify-export.test.ts compares the
 * two verifiers on the same exports. A classic script with no dependency: it defines
 * `LedgerExportCheck` and, on a page with the check form, checks the chosen file there
 * instead of sending it (the form still posts to the server's check when scripts do not run).
 */
(function (root) {
  'use strict';

  var FORMAT = 'integrity-ledger-case-export/1';
  var LEDGER_STREAM = '$ledger';
  var SEAL_EVENT_TYPE = 'LedgerSealed';
  var HEX = /^(?:[0-9a-f]{2})*$/;
  var subtle = root.crypto && root.crypto.subtle;
  var encoder = new TextEncoder();

  function isHexHash(text) {
    return typeof text === 'string' && text.length === 64 && HEX.test(text);
  }

  function fromHex(text) {
    var bytes = new Uint8Array(text.length / 2);
    for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
    return bytes;
  }

  function toHex(bytes) {
    var text = '';
    for (var i = 0; i < bytes.length; i++) text += bytes[i].toString(16).padStart(2, '0');
    return text;
  }

  function concat(parts) {
    var length = parts.reduce(function (sum, part) {
      return sum + part.length;
    }, 0);
    var out = new Uint8Array(length);
    var at = 0;
    parts.forEach(function (part) {
      out.set(part, at);
      at += part.length;
    });
    return out;
  }

  async function sha256() {
    return new Uint8Array(await subtle.digest('SHA-256', concat(Array.prototype.slice.call(arguments))));
  }

  /** RFC 8785 (JCS): keys in UTF-16 code unit order, numbers and strings as ECMAScript writes them. */
  function canonical(value) {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'number' && !isFinite(value)) throw new TypeError('no canonical JSON for ' + value);
      return JSON.stringify(value);
    }
    if (Array.isArray(value)) {
      return (
        '[' +
        value
          .map(function (item) {
            return canonical(item === undefined ? null : item);
          })
          .join(',') +
        ']'
      );
    }
    var keys = Object.keys(value)
      .filter(function (key) {
        return value[key] !== undefined;
      })
      .sort();
    return (
      '{' +
      keys
        .map(function (key) {
          return JSON.stringify(key) + ':' + canonical(value[key]);
        })
        .join(',') +
      '}'
    );
  }

  function chainHash(previous, event) {
    var bytes = encoder.encode(
      canonical({
        data: event.data,
        id: event.eventId.toLowerCase(),
        metadata: event.metadata,
        revision: Number(event.revision),
        stream: event.streamName,
        type: event.type,
      }),
    );
    return sha256(previous, bytes);
  }

  function leafHash(leaf) {
    return sha256(Uint8Array.of(0), leaf);
  }

  function nodeHash(left, right) {
    return sha256(Uint8Array.of(1), left, right);
  }

  function equalBytes(a, b) {
    if (a.length !== b.length) return false;
    var difference = 0;
    for (var i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
    return difference === 0;
  }

  var VALID = { valid: true };
  function invalid(reason) {
    return { valid: false, reason: reason };
  }

  /** src/ledger/seal.ts parseSealData. */
  function parseSealData(data) {
    var p = data.sealedThroughPosition;
    if (typeof p !== 'string' || !/^\d+(:\d+)?$/.test(p)) return 'sealedThroughPosition is not a position';
    if (typeof data.treeSize !== 'number' || !Number.isSafeInteger(data.treeSize) || data.treeSize < 1) return 'treeSize is not a positive whole number';
    if (!isHexHash(data.rootHash)) return 'rootHash is not a hex SHA-256';
    if (data.previousSealHash !== null && !isHexHash(data.previousSealHash)) return 'previousSealHash is neither null nor a hex SHA-256';
    if (typeof data.sealedAt !== 'string' || Number.isNaN(Date.parse(data.sealedAt))) return 'sealedAt is not an instant';
    if ((data.keyId === undefined) !== (data.signature === undefined)) return 'keyId and signature come together';
    var content = {
      sealedThroughPosition: p,
      treeSize: data.treeSize,
      rootHash: data.rootHash,
      previousSealHash: data.previousSealHash,
      sealedAt: data.sealedAt,
    };
    if (data.keyId === undefined) return content;
    if (typeof data.keyId !== 'string' || !/^[0-9a-f]{16}$/.test(data.keyId)) return 'keyId is not a key id';
    if (typeof data.signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(data.signature)) return 'signature is not a base64 Ed25519 signature';
    content.keyId = data.keyId;
    content.signature = data.signature;
    return content;
  }

  /** src/ledger/proofs.ts checkSealEvent. */
  async function checkSealEvent(seal) {
    var data = parseSealData(seal);
    if (typeof data === 'string') return invalid('the seal is malformed: ' + data);
    if (!isHexHash(seal.hash) || typeof seal.eventId !== 'string' || !Number.isSafeInteger(seal.revision)) {
      return invalid('the seal has no hash, event id or revision');
    }
    if (typeof seal.metadata !== 'object' || seal.metadata === null || Array.isArray(seal.metadata)) return invalid('the seal has no metadata');
    var previous = data.previousSealHash === null ? new Uint8Array(32) : fromHex(data.previousSealHash);
    var hash = await chainHash(previous, {
      streamName: LEDGER_STREAM,
      revision: seal.revision,
      eventId: seal.eventId,
      type: SEAL_EVENT_TYPE,
      data: data,
      metadata: seal.metadata,
    });
    return toHex(hash) === seal.hash ? VALID : invalid('seal ' + seal.eventId + ' does not hash to ' + seal.hash + ': its content was changed');
  }

  /** src/ledger/merkle.ts checkInclusion (RFC 9162 §2.1.3.2). */
  async function checkInclusion(leaf, index, size, proof, rootHash) {
    if (!Number.isSafeInteger(index) || index < 0 || !Number.isSafeInteger(size) || size < 0) return invalid('index and size must be whole numbers');
    if (index >= size) return invalid('leaf ' + index + ' is not in a tree of ' + size + ' leaves');
    var fn = index;
    var sn = size - 1;
    var r = leaf;
    for (var i = 0; i < proof.length; i++) {
      var p = proof[i];
      if (sn === 0) return invalid('the proof is longer than the tree is deep');
      if (fn % 2 === 1 || fn === sn) {
        r = await nodeHash(p, r);
        if (fn % 2 !== 1) {
          while (fn % 2 !== 1 && fn !== 0) {
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
          }
        }
      } else {
        r = await nodeHash(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    if (sn !== 0) return invalid('the proof is shorter than the tree is deep');
    if (!equalBytes(r, rootHash)) return invalid('the proof does not lead to the root');
    return VALID;
  }

  /** src/ledger/proofs.ts checkInclusionProof. */
  async function checkInclusionProof(proof) {
    var event = proof.event;
    var seal = proof.seal;
    if (!event || !isHexHash(event.chainHash)) return invalid('the event has no hex chain hash');
    if (!seal || !isHexHash(seal.rootHash) || typeof seal.treeSize !== 'number') return invalid('the seal has no tree size and root');
    if (typeof proof.leafIndex !== 'number') return invalid('the proof has no leaf index');
    if (!Array.isArray(proof.path) || !proof.path.every(isHexHash)) return invalid('the path is not a list of hex SHA-256 hashes');
    var sealVerdict = await checkSealEvent(seal);
    if (!sealVerdict.valid) return sealVerdict;
    return checkInclusion(await leafHash(fromHex(event.chainHash)), proof.leafIndex, seal.treeSize, proof.path.map(fromHex), fromHex(seal.rootHash));
  }

  function derOfPem(pem) {
    var body = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
    return Uint8Array.from(atob(body), function (character) {
      return character.charCodeAt(0);
    });
  }

  /** The trusted keys by key id: the first 16 hex digits of the SHA-256 of the key's DER (src/ledger/seal-signing.ts keyIdOf). */
  async function trustedKeysOf(pems) {
    var keys = new Map();
    for (var i = 0; i < pems.length; i++) {
      var der = derOfPem(pems[i]);
      var keyId = toHex(await sha256(der)).slice(0, 16);
      keys.set(keyId, await subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']));
    }
    return keys;
  }

  /** src/ledger/seal-signing.ts sealSignatureProblem. */
  async function sealSignatureProblem(seal, keys) {
    if (typeof seal.keyId !== 'string' || typeof seal.signature !== 'string') return 'the seal is not signed';
    var key = keys.get(seal.keyId);
    if (!key) return 'the seal is signed with key ' + seal.keyId + ', which is not a trusted key';
    var signed = encoder.encode(
      JSON.stringify(['LedgerSealed/v1', seal.sealedThroughPosition, seal.treeSize, seal.rootHash, seal.previousSealHash, seal.sealedAt]),
    );
    var signature = Uint8Array.from(atob(seal.signature), function (character) {
      return character.charCodeAt(0);
    });
    var valid = await subtle.verify({ name: 'Ed25519' }, key, signature, signed);
    return valid ? null : "the signature does not match the seal's content under key " + seal.keyId;
  }

  function isExportedEvent(event) {
    return (
      typeof event === 'object' &&
      event !== null &&
      typeof event.eventId === 'string' &&
      typeof event.type === 'string' &&
      Number.isSafeInteger(event.revision) &&
      typeof event.position === 'string' &&
      /^\d+(:\d+)?$/.test(event.position) &&
      typeof event.hash === 'string' &&
      typeof event.data === 'object' &&
      event.data !== null &&
      typeof event.metadata === 'object' &&
      event.metadata !== null
    );
  }

  function isCaseExport(value) {
    return (
      typeof value === 'object' &&
      value !== null &&
      value.format === FORMAT &&
      typeof value.caseId === 'string' &&
      typeof value.streamName === 'string' &&
      Array.isArray(value.events) &&
      value.events.every(isExportedEvent) &&
      Array.isArray(value.inclusionProofs) &&
      (value.seal === null || (typeof value.seal === 'object' && value.seal !== undefined && typeof value.seal.sealedThroughPosition === 'string'))
    );
  }

  /**
   * src/ledger/case-export.ts verifyCaseExport, step for step. `publicKeyPems`: the ledger's
   * public keys (GET /ledger/public-key); without them the signature is NOT_CHECKED.
   */
  async function verifyCaseExport(input, publicKeyPems) {
    var verdict = {
      ok: false,
      caseId: null,
      eventsChecked: 0,
      sealedEvents: 0,
      unsealedEvents: 0,
      documentsChecked: 0,
      seal: null,
      sealSignature: 'NO_SEAL',
      firstMismatch: null,
    };
    function fail(kind, detail, event) {
      return Object.assign({}, verdict, {
        ok: false,
        firstMismatch: { eventId: event ? event.eventId : null, revision: event ? event.revision : null, kind: kind, detail: detail },
      });
    }
    if (!isCaseExport(input)) return fail('MALFORMED_EXPORT', 'not a ' + FORMAT + ' document');
    verdict.caseId = input.caseId;
    if (input.streamName !== 'case-' + input.caseId) return fail('MALFORMED_EXPORT', 'the stream is not the case’s');

    var computed = new Map();
    var previous = new Uint8Array(32);
    for (var index = 0; index < input.events.length; index++) {
      var event = input.events[index];
      if (event.revision !== index) return fail('MISSING_EVENT', 'expected revision ' + index + ', found ' + event.revision, event);
      var hash = await chainHash(previous, {
        streamName: input.streamName,
        revision: event.revision,
        eventId: event.eventId,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
      });
      if (toHex(hash) !== event.hash)
        return fail('HASH_MISMATCH', 'the event does not hash to its recorded hash: its content or an earlier event was changed', event);
      computed.set(event.eventId, event.hash);
      previous = hash;
      verdict.eventsChecked += 1;
    }
    // The bytes each document event names, hashed as exported (src/documents/document-reference.ts).
    var documents = Array.isArray(input.documents) ? input.documents : [];
    for (var d = 0; d < input.events.length; d++) {
      var named = input.events[d];
      var reference = named.data;
      if (named.type !== 'DocumentAttached' || !reference || typeof reference.documentId !== 'string' || typeof reference.storedSha256 !== 'string') continue;
      var exported = documents.find(function (candidate) {
        return candidate && candidate.storedSha256 === reference.storedSha256;
      });
      if (!exported || typeof exported.sealed !== 'string')
        return fail('DOCUMENT_MISSING', 'document ' + reference.documentId + ': no stored content at ' + reference.storedSha256, named);
      var bytes = Uint8Array.from(atob(exported.sealed), function (character) {
        return character.charCodeAt(0);
      });
      var actual = toHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
      if (actual !== reference.storedSha256)
        return fail(
          'DOCUMENT_MISMATCH',
          'document ' +
            reference.documentId +
            ': its stored bytes hash to ' +
            actual +
            ', the event recorded ' +
            reference.storedSha256 +
            ': a byte was changed',
          named,
        );
      verdict.documentsChecked += 1;
    }

    var seal = input.seal;
    if (seal !== null) {
      var sealVerdict = await checkSealEvent(seal);
      if (!sealVerdict.valid) return fail('PROOF_INVALID', sealVerdict.reason);
      var keyId = typeof seal.keyId === 'string' ? seal.keyId : null;
      verdict.seal = { eventId: seal.eventId, treeSize: seal.treeSize, sealedThroughPosition: seal.sealedThroughPosition, keyId: keyId };
      if (keyId === null) verdict.sealSignature = 'UNSIGNED';
      else if (!publicKeyPems) verdict.sealSignature = 'NOT_CHECKED';
      else {
        var problem = await sealSignatureProblem(seal, await trustedKeysOf(publicKeyPems));
        if (problem) return fail('SEAL_SIGNATURE_INVALID', problem);
        verdict.sealSignature = 'VALID';
      }
    }
    var proven = new Set();
    for (var i = 0; i < input.inclusionProofs.length; i++) {
      var proof = input.inclusionProofs[i];
      var named = proof.event && proof.event.eventId;
      var proved = input.events.find(function (candidate) {
        return candidate.eventId === named;
      });
      if (!proved) return fail('PROOF_FOR_OTHER_EVENT', 'a proof names event ' + String(named) + ', which is not in this export');
      if (seal === null || !proof.seal || proof.seal.eventId !== seal.eventId || proof.seal.hash !== seal.hash) {
        return fail('PROOF_FOR_OTHER_SEAL', 'a proof is against another seal than the export’s', proved);
      }
      if (proof.event.chainHash !== computed.get(proved.eventId) || proof.event.streamName !== input.streamName || proof.event.revision !== proved.revision) {
        return fail('PROOF_FOR_OTHER_EVENT', 'the proof’s leaf is not this event', proved);
      }
      var checked = await checkInclusionProof(proof);
      if (!checked.valid) return fail('PROOF_INVALID', checked.reason, proved);
      proven.add(proved.eventId);
    }
    var sealedThrough = seal === null ? -1n : BigInt(seal.sealedThroughPosition.split(':')[0]);
    for (var j = 0; j < input.events.length; j++) {
      var candidate = input.events[j];
      var covered = BigInt(candidate.position.split(':')[0]) <= sealedThrough;
      if (covered && !proven.has(candidate.eventId))
        return fail('EVENT_NOT_PROVEN', 'the seal covers this event but the export has no proof for it', candidate);
      if (!covered && proven.has(candidate.eventId)) return fail('PROOF_FOR_OTHER_SEAL', 'a proof for an event after the seal', candidate);
    }
    verdict.sealedEvents = proven.size;
    verdict.unsealedEvents = input.events.length - proven.size;
    return Object.assign({}, verdict, { ok: true });
  }

  root.LedgerExportCheck = { verifyCaseExport: verifyCaseExport, canonical: canonical };

  /* The page: check the chosen (or pasted) export here, and show the verdict as the server's check shows it. */
  if (typeof document === 'undefined' || !subtle) return;

  function words(value) {
    var lower = String(value).replace(/_/g, ' ').toLowerCase();
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(target, verdict, parsed) {
    target.replaceChildren();
    var mismatch = verdict.firstMismatch;
    var status = verdict.ok ? 'Intact' : mismatch && mismatch.kind === 'MALFORMED_EXPORT' ? 'Not a case export' : 'Altered';
    var box = element('div', verdict.ok ? 'govuk-panel govuk-panel--confirmation app-verdict' : 'govuk-error-summary app-verdict');
    box.setAttribute('data-verdict', status);
    box.appendChild(element('h2', verdict.ok ? 'govuk-panel__title' : 'govuk-error-summary__title', status));
    var list = element('dl', 'govuk-summary-list');
    function row(key, value) {
      var line = element('div', 'govuk-summary-list__row');
      line.appendChild(element('dt', 'govuk-summary-list__key', key));
      line.appendChild(element('dd', 'govuk-summary-list__value', value));
      list.appendChild(line);
    }
    if (verdict.caseId) row('Case', verdict.caseId);
    row('Events checked', String(verdict.eventsChecked));
    row('Documents checked', String(verdict.documentsChecked));
    if (verdict.ok) {
      row('Covered by the seal', String(verdict.sealedEvents));
      row('After the seal (chain only)', String(verdict.unsealedEvents));
      row('Seal signature', words(verdict.sealSignature));
    } else if (mismatch) {
      row('What does not hold', words(mismatch.kind));
      row('Why', mismatch.detail);
      if (mismatch.eventId) {
        var found = parsed && Array.isArray(parsed.events) ? parsed.events.find((event) => event && event.eventId === mismatch.eventId) : undefined;
        row('Event', (found ? found.type + ', ' : '') + 'revision ' + mismatch.revision + ', id ' + mismatch.eventId);
      }
    }
    var body = element('div', verdict.ok ? 'govuk-panel__body' : 'govuk-error-summary__body');
    body.appendChild(list);
    box.appendChild(body);
    box.appendChild(element('p', 'govuk-body-s', 'Checked in this browser with WebCrypto.'));
    target.appendChild(box);
    box.setAttribute('tabindex', '-1');
    box.focus();
  }

  function start() {
    var form = document.getElementById('verify-form');
    var keys = document.getElementById('ledger-keys');
    var target = document.getElementById('verdict');
    if (!form || !keys || !target) return;
    var pems = JSON.parse(keys.textContent).map(function (key) {
      return key.publicKeyPem;
    });
    form.addEventListener('submit', async function (submitted) {
      submitted.preventDefault();
      var file = form.querySelector('input[type=file]');
      var pasted = form.querySelector('textarea');
      var text = file && file.files && file.files.length ? await file.files[0].text() : pasted ? pasted.value : '';
      var parsed;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        parsed = undefined;
      }
      show(target, await verifyCaseExport(parsed, pems), parsed);
    });
    form.setAttribute('data-checks-here', 'true');
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof globalThis !== 'undefined' ? globalThis : window);
