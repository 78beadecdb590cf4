"use client";
/**
 * A QR code of a link, drawn by `qrcode` as SVG text and shown as an image: the markup never enters
 * the page's DOM, so nothing in it (or in the link) could ever run.
 */
import { useEffect, useState } from "react";

export function QrCode({ value, label, large = false }: { value: string; label: string; large?: boolean }) {
  const [image, setImage] = useState<{ value: string; src: string } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    // Loaded on demand: only owners who open the Share dialog need the encoder.
    import("qrcode")
      .then((qrcode) => qrcode.toString(value, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#0f172aff", light: "#ffffffff" } }))
      .then((svg) => {
        if (current) setImage({ value, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [value]);

  const className = `qr-code${large ? " qr-code--large" : ""}`;
  if (failed) return <p className={`${className} qr-code--failed`}>The QR code could not be drawn; share the link instead.</p>;
  // Until the code for *this* value is ready, keep the space (an old code must never show for a new link).
  if (!image || image.value !== value) return <div className={`${className} qr-code--pending`} aria-hidden="true" />;
  return <img className={className} src={image.src} alt={label} data-testid="share-qr" data-value={value} width={240} height={240} />;
}
