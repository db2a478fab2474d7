// The app's one resolver function: every Custom UI module names it, and each resolver's access (contract)
// is checked on every call, whichever module it comes from.
import Resolver from '@forge/resolver';
import { defineAdminResolvers } from './admin';
import { defineBillingResolvers } from './billing';
import { defineBoardResolvers } from './board';
import { definePanelResolvers } from './panel';

const resolver = new Resolver();
definePanelResolvers(resolver);
defineAdminResolvers(resolver);
defineBoardResolvers(resolver);
defineBillingResolvers(resolver);

export const appResolver = resolver.getDefinitions();
