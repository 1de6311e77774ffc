import type { Kernel } from '../../../kernel/context.ts';
import { SANDBOX_MERCHANT_KEY } from '../../../kernel/config.ts';
import type { PaymentProvider } from './provider.ts';
import { SandboxProvider } from './sandbox.ts';

const made = new WeakMap<Kernel, SandboxProvider>();

/**
 * The sandbox of this kernel (its cashier routes and the delivery job use it whatever provider is configured:
 * it is the stand-in gateway, and pay orders made while it was the provider stay payable in it).
 */
export function sandboxOf(kernel: Kernel): SandboxProvider {
  let s = made.get(kernel);
  if (!s) made.set(kernel, (s = new SandboxProvider(kernel, kernel.config.pay?.merchantKey ?? SANDBOX_MERCHANT_KEY)));
  return s;
}

/** The configured provider (GZ_PAY_PROVIDER). A real provider's adapter is added here, under its name. */
export function configuredProvider(kernel: Kernel): PaymentProvider {
  switch (kernel.config.pay?.provider ?? 'sandbox') {
    case 'sandbox':
      return sandboxOf(kernel);
  }
}

/** The provider a notification or an order names; null for one this deployment does not know. */
export function providerNamed(kernel: Kernel, name: string): PaymentProvider | null {
  return name === 'sandbox' ? sandboxOf(kernel) : configuredProvider(kernel).name === name ? configuredProvider(kernel) : null;
}
